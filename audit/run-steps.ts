/**
 * Exercises the page after consent was driven: the `--steps` script of
 * clicks, navigations, waits and `analytics.track` calls. A failing step is
 * recorded (the scenario is then incomplete) and the next one still runs.
 */
import type { Page } from 'playwright-core'
import type { AuditStep } from './audit-options'
import type { StepResult } from './recording'

/** Calls `window.analytics.track(name)` when the page has it; self-contained for `page.evaluate`. */
function trackInPage(name: string): string {
  const analytics = (window as unknown as { analytics?: { track?: (n: string) => unknown } }).analytics
  if (!analytics || typeof analytics.track !== 'function') return 'no-analytics'
  try {
    // Not awaited: an event held while consent is pending resolves only when released.
    Promise.resolve(analytics.track(name)).catch(() => undefined)
    return 'called'
  } catch (error) {
    return `threw: ${error instanceof Error ? error.message : String(error)}`
  }
}

async function runStep(page: Page, step: AuditStep, timeoutMs: number): Promise<{ ok: boolean; detail: string }> {
  if ('click' in step) {
    await page.click(step.click, { timeout: timeoutMs })
    return { ok: true, detail: `clicked ${step.click}` }
  }
  if ('goto' in step) {
    const url = new URL(step.goto, page.url()).href
    const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs })
    const status = response?.status()
    if (status !== undefined && status >= 400) return { ok: false, detail: `${url} answered HTTP ${status}` }
    return { ok: true, detail: `loaded ${url}` }
  }
  if ('waitFor' in step) {
    await page.waitForSelector(step.waitFor, { timeout: timeoutMs })
    return { ok: true, detail: `found ${step.waitFor}` }
  }
  if ('track' in step) {
    const result = await page.evaluate(trackInPage, step.track)
    if (result === 'called') return { ok: true, detail: `analytics.track(${JSON.stringify(step.track)})` }
    return { ok: false, detail: result === 'no-analytics' ? 'the page has no window.analytics.track' : `analytics.track ${result}` }
  }
  await page.waitForTimeout(step.wait)
  return { ok: true, detail: `waited ${step.wait} ms` }
}

/** Runs every step in order; never throws. */
export async function runSteps(page: Page, steps: AuditStep[], timeoutMs: number): Promise<StepResult[]> {
  const results: StepResult[] = []
  for (const step of steps) {
    let result: { ok: boolean; detail: string }
    try {
      result = await runStep(page, step, timeoutMs)
    } catch (error) {
      result = { ok: false, detail: (error as Error).message.split('\n')[0] }
    }
    results.push({ step, ...result, time: Date.now() })
  }
  return results
}
