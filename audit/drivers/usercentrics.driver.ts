import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions, PageFunction, PagePredicate } from './driver-types'

/**
 * v3's API (`window.__ucCmp`) or an initialised v2 (`window.UC_UI`). v3 tells
 * whether it initialised only through a promise, which a predicate cannot
 * wait for: `drive` asks it.
 */
const usercentricsReady: PagePredicate<DriveRequest> = () => {
  try {
    const v3 = (window as any).__ucCmp
    const v2 = (window as any).UC_UI
    return (
      (!!v3 && typeof v3.saveConsents === 'function') ||
      (!!v2 && typeof v2.acceptAllConsents === 'function' && (typeof v2.isInitialized !== 'function' || v2.isInitialized() === true))
    )
  } catch {
    return false
  }
}

/** Service names and category slugs (the adapter's category ids), from v3 `getConsentDetails()` or v2 `getServicesBaseInfo()`. */
const listServicesAndCategories: PageFunction<DriverOptions, string[]> = async (options) => {
  const end = Date.now() + (options?.timeoutMs ?? 10000)
  // Usercentrics v3 answers with promises: never wait past the deadline for one.
  const within = <T>(answer: T | Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer')), Math.max(0, end - Date.now()))
      Promise.resolve(answer).then(resolve, reject).finally(() => clearTimeout(timer))
    })
  try {
    const v3 = (window as any).__ucCmp
    if (v3 && typeof v3.getConsentDetails === 'function' && (await within(v3.isInitialized?.() ?? true)) === true) {
      const details = await within(v3.getConsentDetails())
      const names = Object.values(details?.services ?? {}).map((service: any) => service?.name)
      return Array.from(new Set([...names, ...Object.keys(details?.categories ?? {})].filter((id) => typeof id === 'string' && id)))
    }
    const v2 = (window as any).UC_UI
    if (v2 && typeof v2.getServicesBaseInfo === 'function' && (typeof v2.isInitialized !== 'function' || v2.isInitialized() === true)) {
      const services: any[] = v2.getServicesBaseInfo() ?? []
      return Array.from(new Set(services.flatMap((service) => [service?.name, service?.categorySlug]).filter((id) => typeof id === 'string' && id)))
    }
  } catch {
    // Not initialized, or a broken answer: nothing to list.
  }
  return []
}

/**
 * v3 (`window.__ucCmp`): `acceptAllConsents()`, `denyAllConsents()` or, for
 * `only`, `updateServicesConsents()` with every non-essential service, then
 * `saveConsents('EXPLICIT')` (v3's setters only stage a change). v2
 * (`window.UC_UI`): `acceptAllConsents()`, `denyAllConsents()` or, for
 * `only`, `rejectServices()` then `acceptServices()`. A category slug in
 * `only` stands for every service in it.
 */
const driveUsercentrics: PageFunction<DriveRequest, DriveResult> = async (request) => {
  try {
    const scenario = request.scenario
    const timeoutMs = request.options?.timeoutMs ?? 10000
    const end = Date.now() + timeoutMs
    // Usercentrics v3 answers with promises: never wait past the deadline for one.
    const within = <T>(answer: T | Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Usercentrics did not answer within ${timeoutMs} ms`)), Math.max(0, end - Date.now()))
        Promise.resolve(answer).then(resolve, reject).finally(() => clearTimeout(timer))
      })
    const v3 = (window as any).__ucCmp
    const v2 = (window as any).UC_UI
    const v3Initialized = async () => (await within(v3.isInitialized?.() ?? true).catch(() => false)) === true
    // v3 tells of its end of initialisation by an event: one awaited callback, bounded like every other answer.
    const v3Initializes = () =>
      new Promise<boolean>((resolve) => {
        const done = (value: boolean) => {
          clearTimeout(timer)
          window.removeEventListener('UC_UI_INITIALIZED', initialized)
          resolve(value)
        }
        const initialized = () => done(true)
        const timer = setTimeout(() => done(false), Math.max(0, end - Date.now()))
        window.addEventListener('UC_UI_INITIALIZED', initialized)
        v3Initialized().then((yes) => yes && done(true))
      })
    let version: 2 | 3 | undefined
    if (v3 && typeof v3.saveConsents === 'function' && (await v3Initializes())) version = 3
    else if (v2 && typeof v2.acceptAllConsents === 'function' && (typeof v2.isInitialized !== 'function' || v2.isInitialized() === true)) version = 2
    else return { ok: false, detail: `Usercentrics (window.__ucCmp or window.UC_UI) was not initialized within ${timeoutMs} ms` }
    const api = (window as any)[version === 3 ? '__ucCmp' : 'UC_UI']
    const prefix = version === 3 ? '__ucCmp' : 'UC_UI'
    const calls: string[] = []
    const call = async (name: string, ...args: unknown[]) => {
      await within(api[name](...args))
      calls.push(`${prefix}.${name}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`)
    }
    if (scenario.kind === 'accept-all') await call('acceptAllConsents')
    else if (scenario.kind === 'reject-all') await call('denyAllConsents')
    else {
      const services: Array<{ id: string; name: string; category: string; essential: boolean }> =
        version === 3
          ? Object.entries((await within(api.getConsentDetails()))?.services ?? {}).map(([id, s]: [string, any]) => ({ id, name: s?.name, category: s?.category, essential: s?.essential === true }))
          : (api.getServicesBaseInfo() ?? []).map((s: any) => ({ id: s?.id, name: s?.name, category: s?.categorySlug, essential: s?.isEssential === true }))
      const known = services.flatMap((s) => [s.name, s.category])
      const unknown = scenario.categories.filter((id) => !known.includes(id))
      if (unknown.length) return { ok: false, detail: `Usercentrics has no service or category ${unknown.join(', ')} (it has ${Array.from(new Set(known)).join(', ')})` }
      const wanted = (s: { name: string; category: string }) => scenario.categories.includes(s.name) || scenario.categories.includes(s.category)
      const optional = services.filter((s) => !s.essential)
      if (version === 3) await call('updateServicesConsents', optional.map((s) => ({ id: s.id, consent: wanted(s) })))
      else {
        // v2 stores each call at once: refuse first, so no step grants more than asked.
        const refused = optional.filter((s) => !wanted(s)).map((s) => s.id)
        const granted = optional.filter(wanted).map((s) => s.id)
        if (refused.length) await call('rejectServices', refused)
        if (granted.length) await call('acceptServices', granted)
      }
    }
    if (version === 3) await call('saveConsents', 'EXPLICIT')
    return { ok: true, detail: `called ${calls.join(' and ')}` }
  } catch (error) {
    return { ok: false, detail: `driving Usercentrics failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * Usercentrics (`usercentrics()` adapter), v3 or v2, whichever is on the page.
 *
 * @example
 * await runDriver(pageHost(page), usercentricsDriver, { scenario: { kind: 'only', categories: ['marketing'] }, options: {} })
 */
export const usercentricsDriver: ConsentDriver = { platform: 'usercentrics', ready: usercentricsReady, listCategories: listServicesAndCategories, drive: driveUsercentrics }
