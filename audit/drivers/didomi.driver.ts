import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions, PageFunction } from './driver-types'

/** Didomi's purpose ids, from `Didomi.getCurrentUserStatus().purposes` once the SDK is ready (`window.didomiOnReady`). */
const listPurposes: PageFunction<DriverOptions, string[]> = async (options) => {
  try {
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
 * with every purpose enabled or not (vendors left as they are). Then waits
 * until Didomi no longer asks for consent (`shouldConsentBeCollected()`).
 */
const driveDidomi: PageFunction<DriveRequest, DriveResult> = async (request) => {
  try {
    const scenario = request.scenario
    const timeoutMs = request.options?.timeoutMs ?? 10000
    const end = Date.now() + timeoutMs
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
    while (typeof sdk.shouldConsentBeCollected === 'function' && sdk.shouldConsentBeCollected() === true) {
      if (Date.now() >= end) return { ok: false, detail: `called ${called}, but Didomi still asks for consent` }
      await new Promise((resolve) => setTimeout(resolve, 50))
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
 * await page.evaluate(didomiDriver.drive, { scenario: { kind: 'only', categories: ['analytics'] }, options: {} })
 */
export const didomiDriver: ConsentDriver = { platform: 'didomi', listCategories: listPurposes, drive: driveDidomi }
