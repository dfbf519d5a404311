import type { Page } from 'playwright-core'
import { hotFunctions } from '../profile'
import { median, alternate } from '../stats'
import type { Row } from '../report'

type Contender = 'bare' | 'no-op plugin' | 'consent-guard' | 'consent-tools'
const EVENTS = 2000
/** Independent runs of the whole alternating contest; the figure is their median, printed with their spread. */
const RUNS = 3
/** Functions of ours listed from the profile. */
const TOP = 5

type Bench = { bench: { runPerEvent(c: string, n: number, d: string): Promise<{ ms: number; delivered: number }> } }

async function timeOnce(page: Page, url: string, contender: string, diagnostics: 'auto' | 'off' = 'auto'): Promise<number> {
  // A fresh page per run: each contender starts from the same clean state.
  await page.goto(url)
  const result = await page.evaluate(([c, n, d]) => (window as unknown as Bench).bench.runPerEvent(c, n, d), [contender, EVENTS, diagnostics] as const)
  if (result.delivered !== EVENTS * 3) throw new Error(`${contender}: ${result.delivered} deliveries, expected ${EVENTS * 3}`)
  return result.ms
}

const per1000 = (ms: number) => (ms / EVENTS) * 1000
const spread = (values: number[], digits: number) => `runs ${values.map((v) => v.toFixed(digits)).join(', ')}; spread ${(Math.max(...values) - Math.min(...values)).toFixed(digits)}`

/**
 * Per-event cost: bare analytics-next vs consent-guard vs consent-tools.
 * Each run alternates the contenders over `rounds` rounds and takes each
 * one's median; the figures are the median of RUNS such runs.
 */
export async function perEventSection(page: Page, url: string, rounds: number): Promise<Row[]> {
  const medians: Record<Contender, number[]> = { bare: [], 'no-op plugin': [], 'consent-guard': [], 'consent-tools': [] }
  const floor: number[] = []
  const ba: number[] = []
  const bc: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const runs = await alternate<Contender>(['bare', 'no-op plugin', 'consent-guard', 'consent-tools'], rounds, (c) => timeOnce(page, url, c))
    for (const c of Object.keys(medians) as Contender[]) medians[c].push(median(runs[c]))
    floor.push(median(runs['no-op plugin']) / median(runs.bare))
    ba.push(median(runs['consent-guard']) / median(runs.bare))
    bc.push(median(runs['consent-guard']) / median(runs['consent-tools']))
  }
  const ratio = median(ba)
  const versusTools = median(bc)
  return [
    { metric: 'per event: bare analytics-next (ms / 1,000 events)', value: per1000(median(medians.bare)), unit: 'ms', note: spread(medians.bare.map(per1000), 1) },
    { metric: 'per event: consent-guard (ms / 1,000 events)', value: per1000(median(medians['consent-guard'])), unit: 'ms', note: spread(medians['consent-guard'].map(per1000), 1) },
    { metric: 'per event: consent-tools createWrapper (ms / 1,000 events)', value: per1000(median(medians['consent-tools'])), unit: 'ms', note: spread(medians['consent-tools'].map(per1000), 1) },
    { metric: `per event: ratio no-op enrichment plugin / bare, median of ${RUNS} runs`, value: median(floor), unit: 'x', note: `what analytics-next charges any plugin; ${spread(floor, 3)}` },
    { metric: `per event: ratio consent-guard / bare (b/a), median of ${RUNS} runs`, value: ratio, unit: 'x', goal: '<= 1.05', met: ratio <= 1.05, note: spread(ba, 3) },
    { metric: `per event: ratio consent-guard / consent-tools (b/c), median of ${RUNS} runs`, value: versusTools, unit: 'x', goal: '<= 1.00', met: versusTools <= 1, note: spread(bc, 3) },
  ]
}

/**
 * Where consent-guard's own per-event time goes: one run of the page's
 * unminified build under the CDP sampling profiler, our functions (plugin/,
 * shared/) ranked by self time. Profiling slows the page: these are shares,
 * not the cost measured above.
 */
export async function profileSection(page: Page, debugUrl: string, scriptUrl: string, source: string): Promise<Row[]> {
  await page.goto(debugUrl)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 })
  await cdp.send('Profiler.start')
  await page.evaluate(([n]) => (window as unknown as Bench).bench.runPerEvent('consent-guard', n, 'auto'), [EVENTS] as const)
  const { profile } = await cdp.send('Profiler.stop')
  await cdp.detach()
  const { top, oursMs, totalMs } = hotFunctions(profile, scriptUrl, source)
  const rows: Row[] = [
    { metric: 'profile: self time in our code (plugin/, shared/) / all busy page time', value: (100 * oursMs) / totalMs, unit: '%', note: `${oursMs.toFixed(1)} of ${totalMs.toFixed(1)} ms, 2,000 events, unminified build, 50 µs sampling` },
  ]
  top.slice(0, TOP).forEach((f, i) =>
    rows.push({ metric: `profile: our #${i + 1} self time: ${f.name} (${f.module})`, value: f.selfMs, unit: 'ms', note: `${((100 * f.selfMs) / totalMs).toFixed(2)}% of busy page time` }),
  )
  return rows
}

/** Diagnostics on with a debugger attached (the extension loaded) vs diagnostics off, in one browser. */
export async function diagnosticsSection(page: Page, url: string, rounds: number): Promise<Row[]> {
  const runs = await alternate(['off', 'auto'] as const, rounds, (d) => timeOnce(page, url, 'consent-guard', d))
  const ratio = median(runs.auto) / median(runs.off)
  return [
    { metric: 'per event: diagnostics on + debugger attached / diagnostics off', value: ratio, unit: 'x', note: 'the debugger extension loaded; every event posted to it' },
  ]
}
