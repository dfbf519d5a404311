import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions, PageFunction } from './driver-types'

/** Cookiebot's four fixed categories, once `window.Cookiebot` is there. */
const listCookiebotCategories: PageFunction<DriverOptions, string[]> = async (options) => {
  const end = Date.now() + (options?.timeoutMs ?? 10000)
  while (typeof (window as any).Cookiebot?.submitCustomConsent !== 'function') {
    if (Date.now() >= end) return []
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return ['necessary', 'preferences', 'statistics', 'marketing']
}

/**
 * Calls `Cookiebot.submitCustomConsent(preferences, statistics, marketing)`,
 * what Cookiebot's dialog buttons call (`necessary` is always on), then
 * waits until Cookiebot reports the response (`hasResponse`).
 */
const driveCookiebot: PageFunction<DriveRequest, DriveResult> = async (request) => {
  try {
    const scenario = request.scenario
    const timeoutMs = request.options?.timeoutMs ?? 10000
    const end = Date.now() + timeoutMs
    const pause = () => new Promise((resolve) => setTimeout(resolve, 50))
    while (typeof (window as any).Cookiebot?.submitCustomConsent !== 'function') {
      if (Date.now() >= end) return { ok: false, detail: `Cookiebot (window.Cookiebot.submitCustomConsent) did not load within ${timeoutMs} ms` }
      await pause()
    }
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
    const called = `Cookiebot.submitCustomConsent(${args.join(', ')})`
    while (cookiebot.hasResponse !== true) {
      if (Date.now() >= end) return { ok: false, detail: `called ${called}, but Cookiebot reported no response within ${timeoutMs} ms` }
      await pause()
    }
    return { ok: true, detail: `called ${called}` }
  } catch (error) {
    return { ok: false, detail: `driving Cookiebot failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * Cookiebot (`cookiebot()` adapter): `Cookiebot.submitCustomConsent()`.
 *
 * @example
 * await page.evaluate(cookiebotDriver.drive, { scenario: { kind: 'only', categories: ['statistics'] }, options: {} })
 */
export const cookiebotDriver: ConsentDriver = { platform: 'cookiebot', listCategories: listCookiebotCategories, drive: driveCookiebot }
