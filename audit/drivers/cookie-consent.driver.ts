import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions, PageFunction, PagePredicate } from './driver-types'

/** The UMD global is there and the site has called run(config) (the global exists before that). */
const cookieConsentReady: PagePredicate<DriveRequest> = () => {
  try {
    const cc = (window as any).CookieConsent
    return !!cc && typeof cc.acceptCategory === 'function' && (typeof cc.getConfig !== 'function' || typeof cc.getConfig('categories') === 'object')
  } catch {
    return false
  }
}

/** The category names of the cookieconsent config (`getConfig('categories')`), once `run()` has been called. */
const listCookieConsentCategories: PageFunction<DriverOptions, string[]> = () => {
  try {
    const cc = (window as any).CookieConsent
    const configured = typeof cc?.getConfig === 'function' ? cc.getConfig('categories') : undefined
    if (configured && typeof configured === 'object') return Object.keys(configured)
    const prefs = typeof cc?.getUserPreferences === 'function' ? cc.getUserPreferences() : undefined
    if (prefs && Array.isArray(prefs.acceptedCategories)) return [...prefs.acceptedCategories, ...(prefs.rejectedCategories ?? [])]
  } catch {
    // Not run yet: nothing to list.
  }
  return []
}

/**
 * Calls what the cookieconsent v3 buttons call: `acceptCategory('all')`,
 * `acceptCategory([])` (only read-only categories) or
 * `acceptCategory([...])`, then `hide()` and `hidePreferences()`. Needs the
 * UMD global `window.CookieConsent` (a module build has none: expose it).
 */
const driveCookieConsent: PageFunction<DriveRequest, DriveResult> = (request) => {
  try {
    const scenario = request.scenario
    const timeoutMs = request.options?.timeoutMs ?? 10000
    // The UMD global exists before the site calls run(config): the config must be there too.
    const ready = (cc: any) =>
      !!cc && typeof cc.acceptCategory === 'function' && (typeof cc.getConfig !== 'function' || typeof cc.getConfig('categories') === 'object')
    if (!ready((window as any).CookieConsent))
      return { ok: false, detail: `cookieconsent (window.CookieConsent, after run()) was not there within ${timeoutMs} ms; a module build must expose it as window.CookieConsent` }
    const cc = (window as any).CookieConsent
    let argument: string | string[]
    if (scenario.kind === 'accept-all') argument = 'all'
    else if (scenario.kind === 'reject-all') argument = []
    else {
      const configured = typeof cc.getConfig === 'function' ? cc.getConfig('categories') : undefined
      const known = configured ? Object.keys(configured) : []
      const unknown = configured ? scenario.categories.filter((id) => !known.includes(id)) : []
      if (unknown.length) return { ok: false, detail: `cookieconsent has no category ${unknown.join(', ')} (it has ${known.join(', ')})` }
      argument = scenario.categories.slice()
    }
    cc.acceptCategory(argument)
    for (const close of ['hide', 'hidePreferences']) if (typeof cc[close] === 'function') cc[close]()
    const called = `CookieConsent.acceptCategory(${JSON.stringify(argument)})`
    if (typeof cc.validConsent === 'function' && cc.validConsent() !== true) return { ok: false, detail: `called ${called}, but validConsent() is still false` }
    return { ok: true, detail: `called ${called}` }
  } catch (error) {
    return { ok: false, detail: `driving cookieconsent failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * cookieconsent v3 (`cookieConsent()` adapter): `CookieConsent.acceptCategory()`.
 *
 * @example
 * await runDriver(pageHost(page), cookieConsentDriver, { scenario: { kind: 'only', categories: ['analytics'] }, options: {} })
 */
export const cookieConsentDriver: ConsentDriver = { platform: 'cookieconsent', ready: cookieConsentReady, listCategories: listCookieConsentCategories, drive: driveCookieConsent }
