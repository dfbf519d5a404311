import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions, PageFunction } from './driver-types'

/** OneTrust's group ids (`C0001`..., custom groups and sub-groups), from `OneTrust.GetDomainData().Groups`. */
const listGroups: PageFunction<DriverOptions, string[]> = async (options) => {
  const end = Date.now() + (options?.timeoutMs ?? 10000)
  for (;;) {
    try {
      const ot = (window as any).OneTrust
      // Until the banner SDK has run, window.OneTrust can be a placeholder without methods.
      if (ot && typeof ot.GetDomainData === 'function') {
        const ids: string[] = []
        const walk = (groups: unknown): void => {
          if (Array.isArray(groups))
            for (const group of groups) {
              if (group && typeof group.CustomGroupId === 'string' && group.CustomGroupId && !ids.includes(group.CustomGroupId)) ids.push(group.CustomGroupId)
              walk(group?.SubGroups)
            }
        }
        walk(ot.GetDomainData()?.Groups)
        if (ids.length) return ids
      }
    } catch {
      // A half-loaded SDK: look again.
    }
    if (Date.now() >= end) return []
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Calls what OneTrust's own buttons call: `OneTrust.AllowAll()`,
 * `OneTrust.RejectAll()`, or for `only` `OneTrust.UpdateConsent('Category',
 * 'C0001:1,C0002:0,...')` over every group (always-active groups stay on).
 * Then waits until OneTrust counts the banner as answered (`IsAlertBoxClosed()`).
 */
const driveOneTrust: PageFunction<DriveRequest, DriveResult> = async (request) => {
  try {
    const scenario = request.scenario
    const timeoutMs = request.options?.timeoutMs ?? 10000
    const end = Date.now() + timeoutMs
    const pause = () => new Promise((resolve) => setTimeout(resolve, 50))
    const ready = (ot: any) =>
      !!ot && ['AllowAll', 'RejectAll', 'UpdateConsent', 'GetDomainData', 'IsAlertBoxClosed'].every((name) => typeof ot[name] === 'function')
    while (!ready((window as any).OneTrust)) {
      if (Date.now() >= end) return { ok: false, detail: `OneTrust's banner SDK (window.OneTrust.AllowAll and co.) did not load within ${timeoutMs} ms` }
      await pause()
    }
    const ot = (window as any).OneTrust
    let called: string
    if (scenario.kind === 'accept-all') {
      ot.AllowAll()
      called = 'OneTrust.AllowAll()'
    } else if (scenario.kind === 'reject-all') {
      ot.RejectAll()
      called = 'OneTrust.RejectAll()'
    } else {
      const groups: Array<{ id: string; always: boolean }> = []
      const walk = (list: unknown): void => {
        if (Array.isArray(list))
          for (const group of list) {
            if (group && typeof group.CustomGroupId === 'string' && group.CustomGroupId)
              groups.push({ id: group.CustomGroupId, always: String(group.Status).toLowerCase() === 'always active' })
            walk(group?.SubGroups)
          }
      }
      walk(ot.GetDomainData()?.Groups)
      const unknown = scenario.categories.filter((id) => !groups.some((group) => group.id === id))
      if (unknown.length) return { ok: false, detail: `OneTrust has no group ${unknown.join(', ')} (it has ${groups.map((group) => group.id).join(', ')})` }
      const value = groups.map((group) => `${group.id}:${group.always || scenario.categories.includes(group.id) ? 1 : 0}`).join(',')
      ot.UpdateConsent('Category', value)
      called = `OneTrust.UpdateConsent('Category', '${value}')`
    }
    while (ot.IsAlertBoxClosed() !== true) {
      if (Date.now() >= end)
        return { ok: false, detail: `called ${called}, but OneTrust recorded no choice (IsAlertBoxClosed() stayed false): drive its banner with bannerDriver instead` }
      await pause()
    }
    return { ok: true, detail: `called ${called}` }
  } catch (error) {
    return { ok: false, detail: `driving OneTrust failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * OneTrust (`oneTrust()` adapter): its public JavaScript API, as its banner uses it.
 *
 * @example
 * await page.evaluate(oneTrustDriver.drive, { scenario: { kind: 'only', categories: ['C0002'] }, options: {} })
 */
export const oneTrustDriver: ConsentDriver = { platform: 'onetrust', listCategories: listGroups, drive: driveOneTrust }
