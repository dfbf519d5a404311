/**
 * Thrown for bad options (by `consentGuard()` and the adapter factories) and
 * for misuse of the guard's API. The message names the option or call, says
 * what was expected and what was received.
 */
export class ConsentGuardConfigError extends Error {
  /** The option's path, e.g. `integrationCategoryMappings.Braze[1]`, or the call, e.g. `onDiagnostic(listener)`. */
  readonly option: string
  constructor(option: string, problem: string, ...received: [unknown?]) {
    super(`[consent-guard] \`${option}\` ${problem}${received.length ? ` (received: ${describeValue(received[0])})` : ''}`)
    this.name = 'ConsentGuardConfigError'
    this.option = option
  }
}

/** A received value in a few words: a string (cut at 40 characters) or a number itself, else its type. */
const describeValue = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value.slice(0, 40))
    : typeof value === 'function'
      ? 'a function'
      : Array.isArray(value)
        ? 'an array'
        : value && typeof value === 'object'
          ? 'an object'
          : String(value)
