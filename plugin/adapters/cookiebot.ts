import { attempt, consentState, guarded, isObject, onWindowEvents, page, pending, type SyncConsentSource } from './adapter-kit'

const NAME = 'cookiebot'
const EVENTS = ['CookiebotOnConsentReady', 'CookiebotOnAccept', 'CookiebotOnDecline']

/**
 * Cookiebot (Usercentrics' Cookiebot CMP): `window.Cookiebot.consent`, with
 * Cookiebot's categories `necessary`, `preferences`, `statistics`,
 * `marketing`. Decided once `hasResponse` (or consent is implied: method
 * `'implied'`, or stamp `'-1'` when no consent is needed for the visitor).
 * Listens to Cookiebot's window events, so load order does not matter.
 *
 * @example
 * consentGuard({ cmp: cookiebot() })
 */
export function cookiebot(): SyncConsentSource {
  let sawUndecided = false

  const compute = () => {
    const cb: unknown = page().Cookiebot
    if (cb === undefined) return pending(NAME)
    if (!isObject(cb)) throw new Error('window.Cookiebot is not an object')
    const c = cb.consent
    // The script defines Cookiebot before the consent state is known.
    if (!isObject(c)) return pending(NAME)
    const categories = {
      necessary: c.necessary === true,
      preferences: c.preferences === true,
      statistics: c.statistics === true,
      marketing: c.marketing === true,
    }
    const implied = c.method === 'implied' || c.stamp === '-1'
    const decided = cb.hasResponse === true || implied
    if (!decided) sawUndecided = true
    // `changed`: the choice was made during this page view (not replayed from the cookie).
    return consentState(NAME, decided, categories, c.method === 'explicit' && (cb.changed === true || sawUndecided))
  }

  const read = () => attempt(NAME, compute) ?? pending(NAME)

  return { name: NAME, read, subscribe: (onChange) => onWindowEvents(EVENTS, guarded(NAME, () => onChange(read()))) }
}
