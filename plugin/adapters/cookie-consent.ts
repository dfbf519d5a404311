import { attempt, consentState, guarded, isFunction, isObject, onWindowEvents, page, pending, type Categories, type SyncConsentSource } from './adapter-kit'

const NAME = 'cookieconsent'

/** Options for `cookieConsent()`. */
export interface CookieConsentOptions {
  /**
   * The cookieconsent API, for sites that import it as a module
   * (`import * as CookieConsent from 'vanilla-cookieconsent'`).
   * @default window.CookieConsent (the UMD build)
   */
  api?: unknown
}

/**
 * cookieconsent v3 (orestbida, `vanilla-cookieconsent`):
 * `getUserPreferences()` accepted / rejected categories, named as in your
 * `categories` config (e.g. `'necessary'`, `'analytics'`). Decided once
 * `validConsent()`; the model is the config's `mode`. Listens to the
 * `cc:onFirstConsent`, `cc:onConsent` and `cc:onChange` window events.
 *
 * @example
 * consentGuard({ cmp: cookieConsent() })
 */
export function cookieConsent(options: CookieConsentOptions = {}): SyncConsentSource {
  // onFirstConsent / onChange: the user chose on this page (onConsent also replays a stored choice).
  let acted = false

  const compute = () => {
    const cc: unknown = options.api ?? page().CookieConsent
    if (cc === undefined) return pending(NAME)
    if (!isObject(cc) || !isFunction(cc.validConsent) || !isFunction(cc.getUserPreferences))
      throw new Error('CookieConsent has no validConsent() / getUserPreferences() (not cookieconsent v3?)')
    const prefs: unknown = cc.getUserPreferences()
    if (!isObject(prefs)) throw new Error('CookieConsent.getUserPreferences() returned no object')
    const categories: Categories = {}
    for (const [list, value] of [
      [prefs.rejectedCategories, false],
      [prefs.acceptedCategories, true],
    ] as const)
      if (Array.isArray(list)) for (const category of list) if (typeof category === 'string') categories[category] = value
    const mode: unknown = isFunction(cc.getConfig) ? cc.getConfig('mode') : undefined
    const decided = cc.validConsent() === true
    return consentState(NAME, decided, categories, decided && acted, mode === 'opt-in' || mode === 'opt-out' ? mode : undefined)
  }

  const read = () => attempt(NAME, compute) ?? pending(NAME)

  return {
    name: NAME,
    read,
    subscribe: (onChange) =>
      onWindowEvents(
        ['cc:onFirstConsent', 'cc:onConsent', 'cc:onChange'],
        guarded(NAME, (event: Event) => {
          if (event.type !== 'cc:onConsent') acted = true
          onChange(read())
        }),
      ),
  }
}
