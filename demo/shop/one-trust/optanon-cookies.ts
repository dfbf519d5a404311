/**
 * The two cookies OneTrust keeps a visitor's choice in, so a returning
 * visitor is not asked again:
 * - `OptanonAlertBoxClosed`: the ISO date the banner was closed;
 * - `OptanonConsent`: a form-encoded string whose `groups` field lists
 *   every group with its state, e.g. `groups=C0001:1,C0002:0,C0004:1`.
 * Both live a year, on the site's own host.
 */

export const CONSENT_COOKIE = 'OptanonConsent'
export const CLOSED_COOKIE = 'OptanonAlertBoxClosed'
const ONE_YEAR_S = 365 * 24 * 60 * 60
/** A OneTrust script version string, as the real cookie carries one. */
const SDK_VERSION = '202409.1.0'

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

function writeCookie(name: string, value: string): void {
  document.cookie = `${name}=${value}; path=/; max-age=${ONE_YEAR_S}; SameSite=Lax`
}

/** The stored choice: the active group ids, or undefined when the visitor has not closed the banner yet. */
export function readStoredChoice(): string[] | undefined {
  if (!readCookie(CLOSED_COOKIE)) return undefined
  const consent = readCookie(CONSENT_COOKIE)
  if (!consent) return undefined
  const groups = new URLSearchParams(consent).get('groups')
  if (groups === null) return undefined
  return groups
    .split(',')
    .map((entry) => entry.split(':'))
    .filter(([id, on]) => id && on === '1')
    .map(([id]) => id)
}

/** Stores a choice over `allGroups`, the way the banner SDK does on every save. */
export function storeChoice(allGroups: readonly string[], active: readonly string[], interactionCount: number): void {
  const now = new Date()
  const consent = new URLSearchParams({
    isGpcEnabled: '0',
    datestamp: now.toString(),
    version: SDK_VERSION,
    isIABGlobal: 'false',
    hosts: '',
    interactionCount: String(interactionCount),
    landingPath: 'NotLandingPage',
    groups: allGroups.map((id) => `${id}:${active.includes(id) ? 1 : 0}`).join(','),
    AwaitingReconsent: 'false',
  })
  writeCookie(CONSENT_COOKIE, consent.toString())
  writeCookie(CLOSED_COOKIE, encodeURIComponent(now.toISOString()))
}
