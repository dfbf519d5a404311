/**
 * The slice of Klaro's dist bundle (`klaro`, no types shipped) the unit tests
 * call: its ConsentManager and the page setup its script tag runs.
 */
declare module 'klaro' {
  interface KlaroManager {
    updateConsent(name: string, value: boolean): void
    saveAndApplyConsents(type?: string): void
    savedConsents: Record<string, boolean>
  }
  export function setup(config: object): void
  export function getManager(config?: object): KlaroManager
}
