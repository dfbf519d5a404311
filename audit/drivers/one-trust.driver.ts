import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions, PageFunction, PagePredicate } from './driver-types'

/** The banner SDK has run: until then, window.OneTrust can be a placeholder without methods. */
const oneTrustReady: PagePredicate<DriveRequest> = () => {
  const ot = (window as any).OneTrust
  return !!ot && ['AllowAll', 'RejectAll', 'UpdateConsent', 'GetDomainData', 'IsAlertBoxClosed'].every((name) => typeof ot[name] === 'function')
}

/** OneTrust's group ids (`C0001`..., custom groups and sub-groups), from `OneTrust.GetDomainData().Groups`. */
const listGroups: PageFunction<DriverOptions, string[]> = () => {
  const ids: string[] = []
  try {
    const ot = (window as any).OneTrust
    if (ot && typeof ot.GetDomainData === 'function') {
      const walk = (groups: unknown): void => {
        if (Array.isArray(groups))
          for (const group of groups) {
            if (group && typeof group.CustomGroupId === 'string' && group.CustomGroupId && !ids.includes(group.CustomGroupId)) ids.push(group.CustomGroupId)
            walk(group?.SubGroups)
          }
      }
      walk(ot.GetDomainData()?.Groups)
    }
  } catch {
    // A half-loaded SDK: nothing to list.
  }
  return ids
}

/**
 * Calls what OneTrust's own buttons call: `OneTrust.AllowAll()`,
 * `OneTrust.RejectAll()`, or for `only` `OneTrust.UpdateConsent('Category',
 * 'C0001:1,C0002:0,...')` over every group (always-active groups stay on).
 * The choice counts once OneTrust counts the banner as answered (`IsAlertBoxClosed()`).
 */
const driveOneTrust: PageFunction<DriveRequest, DriveResult> = (request) => {
  try {
    const scenario = request.scenario
    const timeoutMs = request.options?.timeoutMs ?? 10000
    const ready = (ot: any) =>
      !!ot && ['AllowAll', 'RejectAll', 'UpdateConsent', 'GetDomainData', 'IsAlertBoxClosed'].every((name) => typeof ot[name] === 'function')
    if (!ready((window as any).OneTrust))
      return { ok: false, detail: `OneTrust's banner SDK (window.OneTrust.AllowAll and co.) did not load within ${timeoutMs} ms` }
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
    return { ok: true, detail: `called ${called}` }
  } catch (error) {
    return { ok: false, detail: `driving OneTrust failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * OneTrust (`oneTrust()` adapter): its public JavaScript API, as its banner uses it.
 *
 * @example
 * await runDriver(pageHost(page), oneTrustDriver, { scenario: { kind: 'only', categories: ['C0002'] }, options: {} })
 */
export const oneTrustDriver: ConsentDriver = {
  platform: 'onetrust',
  ready: oneTrustReady,
  listCategories: listGroups,
  drive: driveOneTrust,
  applied: () => {
    try {
      return (window as any).OneTrust.IsAlertBoxClosed() === true
    } catch {
      return false
    }
  },
  notApplied: (detail) => `${detail}, but OneTrust recorded no choice (IsAlertBoxClosed() stayed false): drive its banner with bannerDriver instead`,
}
