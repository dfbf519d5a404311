/**
 * Runs one scenario end to end in its own browser: load the page, let it
 * settle as a visitor who has not chosen yet, snapshot the cookie jar, drive
 * the consent platform, run the steps, settle again, snapshot again. Returns
 * the raw recording; judging happens elsewhere.
 */
import type { BrowserType } from 'playwright-core'
import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions } from './drivers/driver-types'
import { pageHost } from './drivers/page-host'
import { driveWhenReady, waitUntilReady, type DriverHost } from './drivers/run-driver'
import type { AuditOptions } from './audit-options'
import { detectPlatform, driverFor } from './detect-platform'
import { launchAuditBrowser } from './launch-browser'
import { recordContext, type PageRecorder } from './page-recorder'
import type { DriveRecord, ScenarioRecording } from './recording'
import { runSteps } from './run-steps'
import type { PlannedScenario } from './scenario-spec'

export interface ScenarioRun {
  chromium: BrowserType
  executablePath: string
  extensionDir?: string
  options: AuditOptions
  scenario: PlannedScenario
  /** The platform found by an earlier scenario (skips detection). */
  platform?: string
}

export interface ScenarioOutcome {
  recording: ScenarioRecording
  platform?: string
  /** The page could not be audited at all (did not load, no consent platform): later scenarios would fail the same way. */
  fatal: boolean
}

/**
 * Waits at least `minMs`, then until, for `quietMs` from the call on, no
 * request started or ended and no load is in flight; or until `settleMs` (or
 * `minMs`, when longer) passed. Quiet is counted from the call, not from the
 * last request: what the page does in reaction to the driver or a step
 * starts a moment later.
 */
async function settle(recorder: PageRecorder, quietMs: number, settleMs: number, minMs = 0): Promise<void> {
  const start = Date.now()
  const end = start + Math.max(settleMs, minMs)
  while (Date.now() < end) {
    if (Date.now() >= start + minMs && recorder.inFlight() === 0 && Date.now() - Math.max(start, recorder.lastActivity()) >= quietMs) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Drives the platform once it is ready and waits for it to report the choice. */
async function drive(host: DriverHost, driver: ConsentDriver, platform: string, request: DriveRequest): Promise<DriveRecord> {
  const startedAt = Date.now()
  let result: DriveResult
  try {
    result = await driveWhenReady(host, driver, request)
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]
    // Some platforms reload the page once the visitor chose: the choice was made.
    result = /context was destroyed|navigat/i.test(message)
      ? { ok: true, detail: 'the page navigated while the driver ran (the platform reloads after a choice)' }
      : { ok: false, detail: `the driver threw: ${message}` }
  }
  return { platform, startedAt, finishedAt: Date.now(), ...result }
}

export async function runScenario(run: ScenarioRun): Promise<ScenarioOutcome> {
  const { options, scenario } = run
  const browser = await launchAuditBrowser({
    chromium: run.chromium, executablePath: run.executablePath, extensionDir: run.extensionDir,
    gpc: scenario.gpc, headed: options.headed, allowHosts: options.allowHosts,
  })
  const recorder = await recordContext(browser.context, !browser.extension, browser.aborted, browser.allowed)
  const recording: ScenarioRecording = {
    scenario, url: options.url, startedAt: Date.now(), finishedAt: 0, extension: browser.extension, platformCategories: [],
    messages: recorder.messages, greetings: recorder.greetings, requests: recorder.requests, cookies: [], steps: [], errors: [],
  }
  let platform = run.platform
  let fatal = false
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage())
    const response = await page.goto(options.url, { waitUntil: 'load', timeout: options.timeoutMs }).catch((error: Error) => error)
    if (response instanceof Error || (response && response.status() >= 400)) {
      fatal = true
      recording.errors.push(`the page did not load: ${response instanceof Error ? response.message.split('\n')[0] : `HTTP ${response!.status()}`}`)
      return { recording, platform, fatal }
    }
    // A visitor who has not chosen yet: whatever the page does now happens without consent.
    await settle(recorder, options.quietMs, options.settleMs)
    platform ??= options.platform ?? (options.selectors ? 'banner' : await detectPlatform(page, recorder.messages, options.timeoutMs))
    recording.cookies.push(await recorder.snapshotCookies('before-consent'))
    if (!platform) {
      fatal = true
      recording.errors.push('no consent platform found on the page: pass --platform <name>, or --selectors for a banner')
      return { recording, platform, fatal }
    }
    const driverOptions: DriverOptions = { ...(options.selectors ? { selectors: options.selectors } : {}), ...(options.categories ? { categories: options.categories } : {}), timeoutMs: options.timeoutMs }
    const driver = driverFor(platform)
    const host = pageHost(page)
    const request: DriveRequest = { scenario: scenario.consent, options: driverOptions }
    // One wait for the platform serves both calls; when it never came, they say what is missing.
    await waitUntilReady(host, driver, request).catch(() => false)
    recording.platformCategories = await host.evaluate(driver.listCategories, driverOptions).catch(() => [])
    recording.drive = await drive(host, driver, platform, request)
    if (!recording.drive.ok) recording.errors.push(`the ${platform} driver could not apply ${scenario.name}: ${recording.drive.detail}`)
    await page.waitForLoadState('load', { timeout: options.timeoutMs }).catch(() => undefined)
    recording.steps = await runSteps(page, options.steps, options.timeoutMs)
    for (const s of recording.steps) if (!s.ok) recording.errors.push(`step failed: ${Object.keys(s.step)[0]}: ${s.detail}`)
    // At least observeMs after the last step, quiet or not: a tag fired a few seconds after load is still seen.
    await settle(recorder, options.quietMs, options.settleMs, options.observeMs)
    recording.cookies.push(await recorder.snapshotCookies('end'))
    return { recording, platform, fatal }
  } finally {
    recording.finishedAt = Date.now()
    // Copies: the recorder's arrays keep filling until the browser is gone.
    recording.messages = [...recorder.messages]
    recording.greetings = [...recorder.greetings]
    recording.requests = recorder.requests.map((r) => ({ ...r }))
    await browser.close()
  }
}
