import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions, PageFunction, PagePredicate } from './driver-types'

/** The tag (`window.ketch`) or its boot snippet's queue (`window.semaphore`) is there to take commands. */
const ketchReady: PagePredicate<DriveRequest> = () => typeof (window as any).ketch === 'function' || Array.isArray((window as any).semaphore)

/** Ketch's purpose codes, from `ketch('getConfig')` (queued by the boot snippet until the tag loads). */
const listPurposes: PageFunction<DriverOptions, string[]> = async (options) => {
  const timeoutMs = options?.timeoutMs ?? 10000
  const end = Date.now() + timeoutMs
  const w = window as any
  if (typeof w.ketch !== 'function' && !Array.isArray(w.semaphore)) return []
  try {
    const config: any = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer')), Math.max(0, end - Date.now()))
      const done = (value: unknown) => {
        clearTimeout(timer)
        resolve(value)
      }
      // Results come back through callbacks passed after the arguments.
      if (typeof w.ketch === 'function') w.ketch('getConfig', done, reject)
      else w.semaphore.push(['getConfig', done, reject])
    })
    return Array.isArray(config?.purposes) ? config.purposes.map((purpose: any) => purpose?.code).filter((code: unknown) => typeof code === 'string' && code) : []
  } catch {
    return []
  }
}

/**
 * Sets the purposes with `ketch('setConsent', { purposes })` (every purpose of
 * `ketch('getConfig')`, true or false), then reads them back with
 * `ketch('getConsent')`: some Ketch tag versions do not implement
 * `setConsent`, and then the result says so.
 */
const driveKetch: PageFunction<DriveRequest, DriveResult> = async (request) => {
  try {
    const scenario = request.scenario
    const timeoutMs = request.options?.timeoutMs ?? 10000
    const end = Date.now() + timeoutMs
    const w = window as any
    if (typeof w.ketch !== 'function' && !Array.isArray(w.semaphore)) return { ok: false, detail: `Ketch (window.ketch or window.semaphore) was not there within ${timeoutMs} ms` }
    // The boot snippet queues calls until ketch.js runs: a tag that never loads never answers.
    const call = (name: string, ...args: unknown[]) =>
      new Promise<any>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`ketch('${name}') did not answer within ${timeoutMs} ms`)), Math.max(0, end - Date.now()))
        const done = (value: unknown) => {
          clearTimeout(timer)
          resolve(value)
        }
        const failed = (error: unknown) => {
          clearTimeout(timer)
          reject(error instanceof Error ? error : new Error(`ketch('${name}') failed: ${String(error)}`))
        }
        if (typeof w.ketch === 'function') w.ketch(name, ...args, done, failed)
        else w.semaphore.push([name, ...args, done, failed])
      })
    const config = await call('getConfig')
    const codes: string[] = Array.isArray(config?.purposes) ? config.purposes.map((purpose: any) => purpose?.code).filter((code: unknown) => typeof code === 'string') : []
    if (!codes.length) return { ok: false, detail: "ketch('getConfig') listed no purposes" }
    if (scenario.kind === 'only') {
      const unknown = scenario.categories.filter((id) => !codes.includes(id))
      if (unknown.length) return { ok: false, detail: `Ketch has no purpose ${unknown.join(', ')} (it has ${codes.join(', ')})` }
    }
    const purposes = Object.fromEntries(codes.map((code) => [code, scenario.kind === 'accept-all' || (scenario.kind === 'only' && scenario.categories.includes(code))]))
    await call('setConsent', { purposes })
    const consent = await call('getConsent')
    const ignored = codes.filter((code) => consent?.purposes?.[code] !== purposes[code])
    if (ignored.length)
      return { ok: false, detail: `called ketch('setConsent'), but Ketch still reports ${ignored.join(', ')} otherwise: this tag may not implement setConsent, drive its experience with bannerDriver` }
    return { ok: true, detail: `called ketch('setConsent', ${JSON.stringify({ purposes })})` }
  } catch (error) {
    return { ok: false, detail: `driving Ketch failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * Ketch (`ketch()` adapter): the Smart Tag's `ketch(...)` command function.
 *
 * @example
 * await runDriver(pageHost(page), ketchDriver, { scenario: { kind: 'only', categories: ['analytics'] }, options: {} })
 */
export const ketchDriver: ConsentDriver = { platform: 'ketch', ready: ketchReady, listCategories: listPurposes, drive: driveKetch }
