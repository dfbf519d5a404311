import { describe, expect, it } from 'vitest'
import { record } from '../../test/fakes/adapter-harness'
import { cookiebotFake } from '../../test/fakes/cookiebot-fake'
import { testHost } from '../../test/fakes/driver-harness'
import { cookiebot } from '../../plugin/adapters/cookiebot'
import { cookiebotDriver } from './cookiebot.driver'
import type { ConsentDriver } from './driver-types'
import { runDriver } from './run-driver'

const ACCEPT = { scenario: { kind: 'accept-all' as const } }

describe('runDriver', () => {
  it('drives a platform that loads 1.5 s after the call', async () => {
    const fake = cookiebotFake()
    const rec = record(cookiebot())
    const late = setTimeout(() => fake.load(), 1500)
    const started = Date.now()
    const result = await runDriver(testHost, cookiebotDriver, { ...ACCEPT, options: { timeoutMs: 5000 } })
    clearTimeout(late)
    expect(result).toEqual({ ok: true, detail: 'called Cookiebot.submitCustomConsent(true, true, true)' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400)
    expect(rec.last()?.status).toBe('decided')
  })

  it('gives the "did not load within N ms" detail for a platform that never comes', async () => {
    const started = Date.now()
    expect(await runDriver(testHost, cookiebotDriver, { ...ACCEPT, options: { timeoutMs: 200 } })).toEqual({
      ok: false,
      detail: 'Cookiebot (window.Cookiebot.submitCustomConsent) did not load within 200 ms',
    })
    // One wait: the driver does not wait again once the runner gave up.
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('waits for `applied` after a successful drive, and words its absence with `notApplied`', async () => {
    const driver: ConsentDriver = {
      platform: 'late',
      ready: () => true,
      listCategories: () => [],
      drive: () => {
        const state = ((globalThis as any).late = { done: false })
        setTimeout(() => (state.done = true), 100)
        return { ok: true, detail: 'called late()' }
      },
      applied: () => (globalThis as any).late?.done === true,
      notApplied: (detail, timeoutMs) => `${detail}, but nothing within ${timeoutMs} ms`,
    }
    expect(await runDriver(testHost, driver, { ...ACCEPT, options: { timeoutMs: 2000 } })).toEqual({ ok: true, detail: 'called late()' })
    expect(await runDriver(testHost, driver, { ...ACCEPT, options: { timeoutMs: 30 } })).toEqual({ ok: false, detail: 'called late(), but nothing within 30 ms' })
    delete (globalThis as any).late
  })
})
