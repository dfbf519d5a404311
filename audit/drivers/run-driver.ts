/**
 * Runs a consent driver the one way every caller should: wait for the
 * platform, act once, wait for the platform to report the choice. The waiting
 * lives here, outside the page (playwright's `page.waitForFunction` in the
 * audit and the end-to-end tests, a plain timer in unit tests), so the
 * drivers themselves stay one-shot.
 */
import type { ConsentDriver, DriveRequest, DriveResult, PageFunction, PagePredicate } from './driver-types'

/** Where a driver runs: a playwright page (page-host.ts) or, in unit tests, this realm. */
export interface DriverHost {
  /** Runs `fn(arg)` in the page. */
  evaluate<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>
  /** Resolves true once `predicate(arg)` is truthy in the page, false when `timeoutMs` passed first. */
  waitFor<A>(predicate: PagePredicate<A>, arg: A, timeoutMs: number): Promise<boolean>
}

/** The `timeoutMs` every driver defaults to. */
export const DEFAULT_DRIVER_TIMEOUT_MS = 10000

const timeoutOf = (request: DriveRequest) => request.options?.timeoutMs ?? DEFAULT_DRIVER_TIMEOUT_MS

/**
 * Waits up to `timeoutMs` for the platform. False when it never came: the
 * caller still runs the driver, which then reports what is missing.
 */
export function waitUntilReady(host: DriverHost, driver: ConsentDriver, request: DriveRequest): Promise<boolean> {
  return host.waitFor(driver.ready, request, timeoutOf(request))
}

/** `drive` once the platform is ready, then the wait for `applied`. Errors of the page (a navigation) propagate. */
export async function driveWhenReady(host: DriverHost, driver: ConsentDriver, request: DriveRequest): Promise<DriveResult> {
  const result = await host.evaluate(driver.drive, request)
  if (!result.ok || !driver.applied) return result
  const timeoutMs = timeoutOf(request)
  if (await host.waitFor(driver.applied, request, timeoutMs)) return result
  return { ok: false, detail: driver.notApplied ? driver.notApplied(result.detail, timeoutMs) : `${result.detail}, but the platform reported no choice within ${timeoutMs} ms` }
}

/** Waits for the platform, drives it, waits for the choice: what a test or a script calls. */
export async function runDriver(host: DriverHost, driver: ConsentDriver, request: DriveRequest): Promise<DriveResult> {
  await waitUntilReady(host, driver, request)
  return driveWhenReady(host, driver, request)
}

/** Waits for the platform, then its categories (none when it never came). */
export async function listDriverCategories(host: DriverHost, driver: ConsentDriver, request: DriveRequest): Promise<string[]> {
  await waitUntilReady(host, driver, request)
  return host.evaluate(driver.listCategories, request.options)
}
