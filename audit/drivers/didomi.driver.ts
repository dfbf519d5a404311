import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions, PageFunction, PagePredicate } from './driver-types'

/** The SDK's script has run (`window.Didomi`); whether it finished initialising, `didomiOnReady` tells. */
const didomiLoaded: PagePredicate<DriveRequest> = () => !!(window as any).Didomi

/** Didomi's purpose ids, from `Didomi.getCurrentUserStatus().purposes` once the SDK is ready (`window.didomiOnReady`). */
const listPurposes: PageFunction<DriverOptions, string[]> = async (options) => {
  try {
    if (!(window as any).Didomi) return []
    const sdk: any = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), options?.timeoutMs ?? 10000)
      // Didomi's documented pre-load queue: a callback pushed after the SDK is ready runs at once.
      const queue = ((window as any).didomiOnReady = (window as any).didomiOnReady || [])
      queue.push((didomi: unknown) => {
        clearTimeout(timer)
        resolve(didomi ?? (window as any).Didomi)
      })
    })
    const purposes = sdk?.getCurrentUserStatus?.()?.purposes
    return purposes && typeof purposes === 'object' ? Object.keys(purposes) : []
  } catch {
    return []
  }
}

/**
 * Calls what Didomi's notice and preferences call: `Didomi.setUserAgreeToAll()`,
 * `Didomi.setUserDisagreeToAll()`, or for `only` `Didomi.setCurrentUserStatus()`
 * with every purpose enabled or not (vendors left as they are). The choice
 * counts once Didomi no longer asks for consent (`shouldConsentBeCollected()`).
 */
const driveDidomi: PageFunction<DriveRequest, DriveResult> = async (request) => {
  try {
    const scenario = request.scenario
    const timeoutMs = request.options?.timeoutMs ?? 10000
    // The runner waited for the script already: without it, do not wait a second time.
    if (!(window as any).Didomi) return { ok: false, detail: `Didomi (window.didomiOnReady) was not ready within ${timeoutMs} ms` }
    // One awaited callback, no polling: Didomi's documented ready queue runs it once the SDK initialised.
    const sdk: any = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs)
      const queue = ((window as any).didomiOnReady = (window as any).didomiOnReady || [])
      queue.push((didomi: unknown) => {
        clearTimeout(timer)
        resolve(didomi ?? (window as any).Didomi)
      })
    })
    if (!sdk || typeof sdk.setUserAgreeToAll !== 'function')
      return { ok: false, detail: `Didomi (window.didomiOnReady) was not ready within ${timeoutMs} ms` }
    let called: string
    if (scenario.kind === 'accept-all') {
      sdk.setUserAgreeToAll()
      called = 'Didomi.setUserAgreeToAll()'
    } else if (scenario.kind === 'reject-all') {
      sdk.setUserDisagreeToAll()
      called = 'Didomi.setUserDisagreeToAll()'
    } else {
      const status = sdk.getCurrentUserStatus()
      const ids = Object.keys(status?.purposes ?? {})
      const unknown = scenario.categories.filter((id) => !ids.includes(id))
      if (unknown.length) return { ok: false, detail: `Didomi has no purpose ${unknown.join(', ')} (it has ${ids.join(', ')})` }
      const purposes = Object.fromEntries(ids.map((id) => [id, { id, enabled: scenario.categories.includes(id) }]))
      sdk.setCurrentUserStatus({ purposes, vendors: status?.vendors ?? {} })
      called = `Didomi.setCurrentUserStatus() with ${scenario.categories.length ? scenario.categories.join(', ') : 'no purpose'} enabled`
    }
    return { ok: true, detail: `called ${called}` }
  } catch (error) {
    return { ok: false, detail: `driving Didomi failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * Didomi (`didomi()` adapter): the Web SDK's user-status setters.
 *
 * @example
 * await runDriver(pageHost(page), didomiDriver, { scenario: { kind: 'only', categories: ['analytics'] }, options: {} })
 */
export const didomiDriver: ConsentDriver = {
  platform: 'didomi',
  ready: didomiLoaded,
  listCategories: listPurposes,
  drive: driveDidomi,
  applied: () => {
    try {
      const sdk = (window as any).Didomi
      return typeof sdk?.shouldConsentBeCollected !== 'function' || sdk.shouldConsentBeCollected() !== true
    } catch {
      return false
    }
  },
  notApplied: (detail) => `${detail}, but Didomi still asks for consent`,
}
