import type { Page } from 'playwright-core'
import type { Row } from '../report'

const HELD = 1000

/** Memory for 1,000 held events (CDP heap usage after a forced GC) and the time to release them. */
export async function heldSection(page: Page, url: string): Promise<Row[]> {
  await page.goto(url)
  const cdp = await page.context().newCDPSession(page)
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
  }
  type Bench = { prepareHeld(n: number): Promise<void>; holdEvents(n: number): Promise<void>; releaseHeld(): Promise<{ releaseMs: number; delivered: number }> }
  await page.evaluate((n) => (window as unknown as { bench: Bench }).bench.prepareHeld(n), HELD)
  const before = await heap()
  await page.evaluate((n) => (window as unknown as { bench: Bench }).bench.holdEvents(n), HELD)
  const holding = await heap()
  const result = await page.evaluate(() => (window as unknown as { bench: Bench }).bench.releaseHeld())
  if (result.delivered !== HELD * 3) throw new Error(`held: ${result.delivered} deliveries, expected ${HELD * 3}`)
  return [
    { metric: 'held events: heap for 1,000 held events', value: (holding - before) / 1024, unit: 'KiB' },
    { metric: 'held events: time to release 1,000 held events', value: result.releaseMs, unit: 'ms' },
  ]
}
