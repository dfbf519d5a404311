import type { Page } from 'playwright-core'
import { median, alternate } from '../stats'
import type { Row } from '../report'

type Contender = 'bare' | 'consent-guard' | 'consent-tools'
const EVENTS = 2000

async function timeOnce(page: Page, url: string, contender: string, diagnostics: 'auto' | 'off' = 'auto'): Promise<number> {
  // A fresh page per run: each contender starts from the same clean state.
  await page.goto(url)
  const result = await page.evaluate(
    ([c, n, d]) => (window as unknown as { bench: { runPerEvent(c: string, n: number, d: string): Promise<{ ms: number; delivered: number }> } }).bench.runPerEvent(c, n, d),
    [contender, EVENTS, diagnostics] as const,
  )
  if (result.delivered !== EVENTS * 3) throw new Error(`${contender}: ${result.delivered} deliveries, expected ${EVENTS * 3}`)
  return result.ms
}

/** Per-event cost: bare analytics-next vs consent-guard vs consent-tools, alternating, median of rounds. */
export async function perEventSection(page: Page, url: string, rounds: number): Promise<Row[]> {
  const runs = await alternate<Contender>(['bare', 'consent-guard', 'consent-tools'], rounds, (c) => timeOnce(page, url, c))
  const a = median(runs.bare)
  const b = median(runs['consent-guard'])
  const c = median(runs['consent-tools'])
  const per1000 = (ms: number) => (ms / EVENTS) * 1000
  return [
    { metric: 'per event: bare analytics-next (ms / 1,000 events)', value: per1000(a), unit: 'ms' },
    { metric: 'per event: consent-guard (ms / 1,000 events)', value: per1000(b), unit: 'ms' },
    { metric: 'per event: consent-tools createWrapper (ms / 1,000 events)', value: per1000(c), unit: 'ms' },
    { metric: 'per event: ratio consent-guard / bare (b/a)', value: b / a, unit: 'x', goal: '<= 1.05', met: b / a <= 1.05 },
    { metric: 'per event: ratio consent-guard / consent-tools (b/c)', value: b / c, unit: 'x', goal: '<= 1.00', met: b / c <= 1 },
  ]
}

/** Diagnostics on with a debugger attached (the extension loaded) vs diagnostics off, in one browser. */
export async function diagnosticsSection(page: Page, url: string, rounds: number): Promise<Row[]> {
  const runs = await alternate(['off', 'auto'] as const, rounds, (d) => timeOnce(page, url, 'consent-guard', d))
  const ratio = median(runs.auto) / median(runs.off)
  return [
    { metric: 'per event: diagnostics on + debugger attached / diagnostics off', value: ratio, unit: 'x', note: 'the debugger extension loaded; every event posted to it' },
  ]
}
