import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions, PageFunction, PagePredicate } from './driver-types'

/** Cookiebot's script has run: `window.Cookiebot` with its setter. */
const cookiebotReady: PagePredicate<DriveRequest> = () => typeof (window as any).Cookiebot?.submitCustomConsent === 'function'

/** Cookiebot's four fixed categories, once `window.Cookiebot` is there. */
const listCookiebotCategories: PageFunction<DriverOptions, string[]> = () =>
  typeof (window as any).Cookiebot?.submitCustomConsent === 'function' ? ['necessary', 'preferences', 'statistics', 'marketing'] : []

/**
 * Calls `Cookiebot.submitCustomConsent(preferences, statistics, marketing)`,
 * what Cookiebot's dialog buttons call (`necessary` is always on). The
 * choice counts once Cookiebot reports the response (`hasResponse`).
 */
const driveCookiebot: PageFunction<DriveRequest, DriveResult> = (request) => {
  try {
    const scenario = request.scenario
    const timeoutMs = request.options?.timeoutMs ?? 10000
    if (typeof (window as any).Cookiebot?.submitCustomConsent !== 'function')
      return { ok: false, detail: `Cookiebot (window.Cookiebot.submitCustomConsent) did not load within ${timeoutMs} ms` }
    const cookiebot = (window as any).Cookiebot
    const optional = ['preferences', 'statistics', 'marketing']
    let wanted: string[]
    if (scenario.kind === 'accept-all') wanted = optional
    else if (scenario.kind === 'reject-all') wanted = []
    else {
      const unknown = scenario.categories.filter((id) => id !== 'necessary' && !optional.includes(id))
      if (unknown.length) return { ok: false, detail: `Cookiebot has no category ${unknown.join(', ')} (it has necessary, ${optional.join(', ')})` }
      wanted = scenario.categories
    }
    const args = optional.map((id) => wanted.includes(id))
    cookiebot.submitCustomConsent(...args)
    return { ok: true, detail: `called Cookiebot.submitCustomConsent(${args.join(', ')})` }
  } catch (error) {
    return { ok: false, detail: `driving Cookiebot failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * Cookiebot (`cookiebot()` adapter): `Cookiebot.submitCustomConsent()`.
 *
 * @example
 * await runDriver(pageHost(page), cookiebotDriver, { scenario: { kind: 'only', categories: ['statistics'] }, options: {} })
 */
export const cookiebotDriver: ConsentDriver = {
  platform: 'cookiebot',
  ready: cookiebotReady,
  listCategories: listCookiebotCategories,
  drive: driveCookiebot,
  applied: () => (window as any).Cookiebot?.hasResponse === true,
  notApplied: (detail, timeoutMs) => `${detail}, but Cookiebot reported no response within ${timeoutMs} ms`,
}
