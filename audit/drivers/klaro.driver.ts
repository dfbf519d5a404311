import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions, PageFunction, PagePredicate } from './driver-types'

/** Klaro is set up: `klaro.getManager()` answers with a manager that can save. Klaro has no ready event. */
const klaroReady: PagePredicate<DriveRequest> = () => {
  try {
    const manager = (window as any).klaro?.getManager?.()
    return !!manager && typeof manager.updateConsent === 'function' && typeof manager.saveAndApplyConsents === 'function'
  } catch {
    return false
  }
}

/** The service (app) names of the Klaro config, from `klaro.getManager()`. */
const listServices: PageFunction<DriverOptions, string[]> = () => {
  try {
    const manager = (window as any).klaro?.getManager?.()
    if (manager) {
      // Klaro >= 0.7 calls them services, older versions apps.
      const services = manager.config?.services ?? manager.config?.apps
      const names = Array.isArray(services) ? services.map((service: any) => service?.name) : Object.keys(manager.consents ?? {})
      return names.filter((name: unknown) => typeof name === 'string' && name)
    }
  } catch {
    // Klaro not set up: nothing to list.
  }
  return []
}

/**
 * Does what Klaro's buttons do on the manager: "accept all" is
 * `changeAll(true)` + `saveAndApplyConsents('accept')`, "decline" is
 * `changeAll(false)` + `saveAndApplyConsents('decline')`, and saving the
 * modal is `updateConsent(name, value)` per service +
 * `saveAndApplyConsents('save')`. Required services stay on.
 */
const driveKlaro: PageFunction<DriveRequest, DriveResult> = (request) => {
  try {
    const scenario = request.scenario
    const timeoutMs = request.options?.timeoutMs ?? 10000
    const usable = (m: any) => !!m && typeof m.updateConsent === 'function' && typeof m.saveAndApplyConsents === 'function'
    const current = () => {
      try {
        return (window as any).klaro?.getManager?.()
      } catch {
        return undefined
      }
    }
    const manager = current()
    if (!usable(manager)) return { ok: false, detail: `Klaro (window.klaro.getManager()) was not there within ${timeoutMs} ms` }
    const configured = manager.config?.services ?? manager.config?.apps
    const services: Array<{ name: string; required: boolean }> = Array.isArray(configured)
      ? configured.filter((s: any) => typeof s?.name === 'string').map((s: any) => ({ name: s.name, required: s.required === true || manager.config?.required === true }))
      : Object.keys(manager.consents ?? {}).map((name) => ({ name, required: false }))
    let wanted: (name: string) => boolean
    let type: string
    if (scenario.kind === 'only') {
      const unknown = scenario.categories.filter((id) => !services.some((s) => s.name === id))
      if (unknown.length) return { ok: false, detail: `Klaro has no service ${unknown.join(', ')} (it has ${services.map((s) => s.name).join(', ')})` }
      wanted = (name) => scenario.categories.includes(name)
      type = 'save'
    } else {
      const accept = scenario.kind === 'accept-all'
      wanted = () => accept
      type = accept ? 'accept' : 'decline'
    }
    let how: string
    if (scenario.kind !== 'only' && typeof manager.changeAll === 'function') {
      manager.changeAll(scenario.kind === 'accept-all')
      how = `changeAll(${scenario.kind === 'accept-all'})`
    } else {
      for (const service of services) manager.updateConsent(service.name, service.required || wanted(service.name))
      how = `updateConsent() for ${services.map((s) => s.name).join(', ')}`
    }
    manager.saveAndApplyConsents(type)
    return { ok: true, detail: `called manager.${how} and manager.saveAndApplyConsents('${type}')` }
  } catch (error) {
    return { ok: false, detail: `driving Klaro failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * Klaro! (`klaro()` adapter): its consent manager, as its buttons use it.
 *
 * @example
 * await runDriver(pageHost(page), klaroDriver, { scenario: { kind: 'only', categories: ['matomo'] }, options: {} })
 */
export const klaroDriver: ConsentDriver = { platform: 'klaro', ready: klaroReady, listCategories: listServices, drive: driveKlaro }
