/**
 * The demo behind `npm start`, run the way a user runs it: `node
 * demo/start.mjs` as a child process, the shop opened in headless Chromium,
 * and every check made through the demo's own `/sink` data, the page's
 * cookies and the `/sink` view: what a user would look at.
 *
 * The demo's own build (shop, server) is checked as `npm start` checks it:
 * rebuilt only when missing or older than its sources (a second or so), so
 * the test never passes on a stale bundle. The plugin package and the
 * extension are not used by this test: their builds are skipped.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_DESTINATIONS } from '../../demo/server/demo-destinations'
import type { SinkReport, SinkSegmentEvent } from '../../demo/server/sink-report-types'
import { destinationKey } from '../servers/bundle-routes'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { startDemo, type DemoProcess } from './support/demo-process'

const POLL = { timeout: 30_000, interval: 200 }
const CONSENT_CHANGED = 'Segment Consent Preference Updated'
/** OneTrust's non-necessary groups: performance, functional, targeting. */
const OPTIONAL_GROUPS = ['C0002', 'C0003', 'C0004']
const DEVICE = DEMO_DESTINATIONS.filter((d) => d.kind !== 'cloud').map((d) => ({ name: d.name, key: destinationKey(d.name) }))

let demo: DemoProcess
let browser: LaunchedBrowser
let shop: Page
const pageErrors: string[] = []

async function sink(): Promise<SinkReport> {
  const response = await fetch(`${demo.url}/sink/log.json`)
  return (await response.json()) as SinkReport
}

const tracked = (report: SinkReport, name: string) => report.segmentEvents.filter((e) => e.type === 'track' && e.label === name)

function optionalConsent(event: SinkSegmentEvent): Record<string, boolean | undefined> {
  return Object.fromEntries(OPTIONAL_GROUPS.map((id) => [id, event.consent?.[id]]))
}
const allOptional = (value: boolean) => Object.fromEntries(OPTIONAL_GROUPS.map((id) => [id, value]))

async function cookieNames(): Promise<string[]> {
  return (await browser.context.cookies(demo.url)).map((c) => c.name)
}

beforeAll(async () => {
  demo = await startDemo(['--port', '0', '--skip-build', 'plugin,extension'])
  browser = await launchBrowser()
  shop = await browser.newPage()
  shop.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  if (demo?.child.exitCode === null) await demo.stop()
})

describe('npm start (demo/start.mjs)', () => {
  it('prints the shop, the sink view and where the extension is', () => {
    expect(demo.output()).toContain(`Sink view:  ${demo.url}/sink`)
    expect(demo.output()).toMatch(/Debugger extension: .*extension\/dist/)
    expect(demo.output()).toContain('chrome://extensions -> Developer mode -> Load unpacked')
  })

  it('after "Reject All", no device destination runs or receives anything, and Segment gets all-false consent', async () => {
    await shop.goto(`${demo.url}/`)
    await shop.getByRole('region', { name: 'Cookie banner' }).getByRole('button', { name: 'Reject All' }).click()

    // The page view held while the banner was open, and the change event, both stamped with the refusal.
    await expect.poll(async () => tracked(await sink(), CONSENT_CHANGED).length, POLL).toBe(1)
    let report = await sink()
    expect(optionalConsent(tracked(report, CONSENT_CHANGED)[0])).toEqual(allOptional(false))
    const home = report.segmentEvents.find((e) => e.type === 'page' && e.label === 'Home')
    expect(home && optionalConsent(home)).toEqual(allOptional(false))

    // A returning visitor now (the choice is in OneTrust's cookies): add to cart on a product page.
    await shop.goto(`${demo.url}/product?id=canvas-tote`)
    await shop.getByRole('button', { name: 'Add to cart' }).click()
    await expect.poll(async () => tracked(await sink(), 'Product Added').length, POLL).toBe(1)
    report = await sink()
    const added = tracked(report, 'Product Added')[0]
    expect(optionalConsent(added)).toEqual(allOptional(false))
    expect(added.consent?.C0001).toBe(true)
    // A stored choice is not a change: one change event in all.
    expect(tracked(report, CONSENT_CHANGED)).toHaveLength(1)

    for (const destination of report.destinations.filter((d) => d.mode !== 'cloud')) {
      expect(destination, destination.name).toMatchObject({ codeFetched: false, initialized: false, eventsReceived: [] })
    }
    expect(report.requests.filter((r) => r.kind === 'vendor' || r.kind === 'bundle')).toEqual([])
    const cookies = await cookieNames()
    expect(cookies).toContain('OptanonAlertBoxClosed')
    expect(cookies.filter((name) => name.endsWith('_loaded'))).toEqual([])
  })

  it('after "Allow All", every destination gets the next events, without a reload', async () => {
    await shop.evaluate(() => Object.assign(window, { stillTheSamePage: true }))
    await shop.getByRole('button', { name: 'Cookie Settings' }).click()
    await shop.getByRole('dialog', { name: 'Privacy Preference Center' }).getByRole('button', { name: 'Allow All' }).click()
    await expect.poll(async () => tracked(await sink(), CONSENT_CHANGED).length, POLL).toBe(2)

    await shop.getByRole('button', { name: 'Add to cart' }).click()
    await expect
      .poll(async () => {
        const report = await sink()
        return report.destinations.filter((d) => d.mode !== 'cloud' && d.eventsReceived.includes('track "Product Added"')).map((d) => d.name)
      }, POLL)
      .toEqual(DEVICE.map((d) => d.name))

    // Segment's copy travels on its own request, which may reach the sink after the destinations ran in the page.
    await expect.poll(async () => tracked(await sink(), 'Product Added').length, POLL).toBe(2)
    const report = await sink()
    const [latest] = tracked(report, 'Product Added') // newest first
    expect(optionalConsent(latest)).toEqual(allOptional(true))
    expect(optionalConsent(tracked(report, CONSENT_CHANGED)[0])).toEqual(allOptional(true))
    expect(latest.cloudDelivery).toEqual(DEMO_DESTINATIONS.filter((d) => d.kind === 'cloud').map((d) => d.name))
    await expect.poll(cookieNames, POLL).toEqual(expect.arrayContaining(DEVICE.map((d) => `${d.key}_loaded`)))
    expect(await shop.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true)
  })

  it('shows the same in the /sink view, as text', async () => {
    const view = await browser.newPage()
    view.on('pageerror', (error) => pageErrors.push(error.message))
    await view.goto(`${demo.url}/sink`)
    for (const { name } of DEVICE) {
      const row = view.locator(`tr[data-destination="${name}"]`)
      await expect.poll(() => row.textContent(), POLL).toMatch(/received \d+ events?/)
      expect(await row.textContent()).toContain('yes') // code loaded, cookie set
    }
    const segment = view.getByRole('region', { name: /Segment API/ })
    await expect.poll(() => segment.textContent(), POLL).toContain('Product Added')
    await view.close()
  })

  it('never left 127.0.0.1 and threw nothing in the page', () => {
    browser.guard.assertClean()
    expect(pageErrors).toEqual([])
  })

  it('moves to the next free port when the wanted one is taken', async () => {
    const second = await startDemo(['--port', String(demo.port), '--no-build'])
    try {
      expect(second.port).not.toBe(demo.port)
      expect(second.output()).toContain(`Port ${demo.port} is in use; using ${second.port} instead.`)
    } finally {
      expect(await second.stop()).toBe(0)
    }
  })

  it('stops on SIGTERM (as on Ctrl-C) with exit code 0', async () => {
    expect(await demo.stop()).toBe(0)
    await expect(fetch(`${demo.url}/`)).rejects.toThrow()
  })
})
