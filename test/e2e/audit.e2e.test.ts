/**
 * `consent-guard audit` end to end: real Chromium with the built debugger
 * extension, the real plugin and analytics-next, the OneTrust driver, pages
 * on 127.0.0.1 only (`--allow-hosts 127.0.0.1` aborts anything else, and each
 * test checks nothing was aborted).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditReport, ScenarioReport } from '../../audit/report-types'
import { loadedCookieName } from '../fixtures/cdn-settings'
import { startTestServer, type TestServer } from '../servers/test-server'
import { auditFiles, auditJson, ensureAuditBuilt, runAuditBin, runAuditInProcess } from './support/audit-cli'
import { LEAKY, shopAuditConfig, shopPage } from './support/audit-pages'
import { ensurePagesBuilt } from './support/build-pages'
import { launchBrowser } from './support/browser'
import { ensureExtensionBuilt } from './support/debugger-build'

let server: TestServer
let dir: string
let n = 0

beforeAll(async () => {
  await ensureExtensionBuilt()
  await ensurePagesBuilt()
  server = await startTestServer()
  dir = await auditFiles({
    'audit.config.json': shopAuditConfig(server.url),
    'steps.json': [{ track: 'Audit Track' }, { click: '#buy' }, { goto: '/shop-next.html' }, { waitFor: '#buy' }, { click: '#buy' }],
  })
  server.setPage('/shop-next.html', shopPage({ serverUrl: server.url }))
})
afterAll(async () => {
  await server?.close()
})

/** Serves a page at a fresh path; returns its URL. */
function serve(html: string): string {
  const path = `/audit-${++n}.html`
  server.setPage(path, html)
  return `${server.url}${path}`
}

const BASE = ['--config', 'audit.config.json', '--allow-hosts', '127.0.0.1', '--quiet', '800']
const scenario = (report: AuditReport, name: string): ScenarioReport => {
  const found = report.scenarios.find((s) => s.scenario === name)
  if (!found) throw new Error(`no scenario ${name} in ${report.scenarios.map((s) => s.scenario).join(', ')}`)
  return found
}
const noneAborted = (report: AuditReport) => expect(report.scenarios.flatMap((s) => s.requests.aborted)).toEqual([])

describe('consent-guard audit', () => {
  it('finds a page with the plugin clean under every scenario, from the network and the cookie jar', async () => {
    const url = serve(shopPage({ serverUrl: server.url }))
    const { code, report, stderr } = await auditJson(['audit', url, ...BASE, '--steps', 'steps.json'], dir)
    expect(report.scenarios.map((s) => s.scenario)).toEqual(['reject-all', 'accept-all', 'only:C0002', 'only:C0004', 'gpc'])
    expect(report.scenarios.flatMap((s) => s.leaks), stderr).toEqual([])
    expect(report.scenarios.flatMap((s) => s.errors)).toEqual([])
    expect(code).toBe(0)
    expect(report.extension).toBe(true)
    expect(report.platform).toBe('onetrust')
    noneAborted(report)
    for (const s of report.scenarios) expect(s.mode).toBe('plugin')

    const vendor = (s: ScenarioReport, d: string) => s.destinations.find((x) => x.destination === d)!
    // The audit really sees vendor traffic and cookies when consent allows them...
    const accept = scenario(report, 'accept-all')
    expect(vendor(accept, 'Analytics Action')).toMatchObject({ allowed: true, cookies: [loadedCookieName('Analytics Action')] })
    expect(vendor(accept, 'Analytics Action').requests).toBeGreaterThan(0)
    expect(vendor(accept, 'Ads Action').requests).toBeGreaterThan(0)
    expect(accept.cookies.find((c) => c.name === loadedCookieName('Ads Action'))?.verdict).toBe('allowed')
    // ...and none where it does not.
    for (const name of ['reject-all', 'only:C0002', 'gpc']) {
      expect(vendor(scenario(report, name), 'Ads Action')).toMatchObject({ allowed: false, requests: 0, cookies: [] })
    }
    expect(vendor(scenario(report, 'only:C0002'), 'Analytics Action')).toMatchObject({ allowed: true })
    expect(scenario(report, 'gpc').consent).toMatchObject({ gpc: true, categories: expect.objectContaining({ C0002: true }) })

    // Events as they reached Segment, with the consent stamped on them.
    const tracked = accept.events.filter((e) => e.name === 'Order Completed')
    expect(tracked).toHaveLength(2)
    for (const e of tracked) expect(e).toMatchObject({ sentToSegment: true, consent: { C0002: true, C0004: true } })
    // The click right before the navigation may leave before the plugin reports its outcomes (then only the network saw it); the last one stays.
    expect(tracked.map((e) => e.source)).toContain('plugin')
    const rejected = scenario(report, 'reject-all').events.find((e) => e.name === 'Audit Track')!
    expect(rejected.consent).toEqual(expect.objectContaining({ C0002: false, C0004: false }))
    expect(rejected.blocked).toEqual(expect.arrayContaining(['Analytics Action', 'Ads Action']))
    expect(scenario(report, 'reject-all').steps.map((s) => s.ok)).toEqual([true, true, true, true, true])
  })

  it('fails a leaky page with exit code 1 and names the scenario, destination and URL', async () => {
    await ensureAuditBuilt()
    const url = serve(shopPage({ serverUrl: server.url, leaky: true }))
    const { code, stdout } = await runAuditBin(['audit', url, ...BASE, '--scenarios', 'reject-all,accept-all'], dir)
    expect(code, stdout).toBe(1)
    const leakUrl = `${server.url}/vendor/${LEAKY.key}/track`
    for (const s of ['reject-all', 'accept-all']) {
      expect(stdout).toContain(`LEAK [${s}] request ${LEAKY.name}: ${leakUrl}`)
      expect(stdout).toContain(`LEAK [${s}] cookie ${LEAKY.name}: cookie ${LEAKY.cookie}`)
    }
    expect(stdout).toContain('FAIL: 4 leak(s).')
    // The plugin's own destinations stay clean: only the pixel outside its control leaks.
    expect(stdout).not.toMatch(/LEAK \[[^\]]+\] \w+ (Analytics|Ads) Action/)
  })

  it('writes an HTML report in which a hostile event name stays inert text', async () => {
    const hostile = '<img src=x onerror="document.title=\'pwned\'">'
    const url = serve(shopPage({ serverUrl: server.url }))
    const files = await auditFiles({ 'steps.json': [{ track: hostile }] })
    const html = join(files, 'report.html')
    const { code } = await runAuditInProcess(['audit', url, ...BASE.map((a) => (a === 'audit.config.json' ? join(dir, a) : a)), '--steps', 'steps.json', '--scenarios', 'accept-all', '--html', 'report.html'], files)
    expect(code).toBe(0)
    const text = await readFile(html, 'utf8')
    expect(text).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`)
    expect(text).not.toMatch(/<img|<script|src=["']?http/i)

    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      await page.goto(pathToFileURL(html).href)
      await expect.poll(() => page.getByRole('cell', { name: hostile }).count()).toBe(1)
      expect(await page.locator('img').count()).toBe(0)
      expect(await page.title()).toMatch(/^Consent audit: /)
      expect(await page.locator('.verdict').textContent()).toContain('PASS')
      browser.guard.assertClean()
    } finally {
      await browser.close()
    }
  })

  it('audits a page without the plugin from the inspector hook and the network, marked as such', async () => {
    const url = serve(shopPage({ serverUrl: server.url, plugin: false }))
    const { code, report } = await auditJson(['audit', url, ...BASE, '--scenarios', 'reject-all', '--necessary', 'C0001'], dir)
    expect(code).toBe(1)
    noneAborted(report)
    const s = scenario(report, 'reject-all')
    expect(s.mode).toBe('inspector')
    expect(s.notes.join('\n')).toMatch(/No Consent Guard plugin on this page: events come from the debugger.s inspector hook/)
    // analytics-next's page call, reported by the hook, judged with predicted routing.
    const pageEvent = s.events.find((e) => e.type === 'page')!
    expect(pageEvent).toMatchObject({ source: 'inspector', sentToSegment: true, consent: null })
    // Without the plugin every destination loads at once, and nothing is stamped: each is a leak.
    const kinds = new Set(s.leaks.map((l) => `${l.kind} ${l.destination}`))
    expect(kinds).toEqual(
      new Set(['missing-consent Segment.io', 'before-decision Segment.io', 'request Analytics Action', 'request Ads Action', 'cookie Analytics Action', 'cookie Ads Action']),
    )
    expect(s.consent.categories).toEqual({ C0001: true, C0002: false, C0004: false })
  })

  it('still reads the plugin without the debugger extension: the audit announces itself', async () => {
    const url = serve(shopPage({ serverUrl: server.url }))
    const { code, report } = await auditJson(['audit', url, ...BASE, '--scenarios', 'only:C0002', '--no-extension'], dir)
    expect(code).toBe(0)
    expect(report.extension).toBe(false)
    expect(report.notes.join('\n')).toContain('--no-extension')
    const s = scenario(report, 'only:C0002')
    expect(s.mode).toBe('plugin')
    expect(s.events.find((e) => e.type === 'page')).toMatchObject({ source: 'plugin', delivered: expect.arrayContaining(['Analytics Action']), blocked: expect.arrayContaining(['Ads Action']) })
  })

  it('aborts requests to other hosts under --allow-hosts, and still judges them by the built-in vendor table', async () => {
    const pixel = 'https://connect.facebook.net/en_US/fbevents.js'
    const url = serve(shopPage({ serverUrl: server.url, afterLoad: `fetch(${JSON.stringify(pixel)}, { mode: 'no-cors' }).catch(function () {});` }))
    const files = await auditFiles({ 'pixel.json': { destinationCategories: { 'Facebook Pixel': ['C0004'] } } })
    const { code, report } = await auditJson(['audit', url, '--config', 'pixel.json', '--allow-hosts', '127.0.0.1', '--quiet', '800', '--scenarios', 'reject-all'], files)
    expect(code).toBe(1)
    const s = scenario(report, 'reject-all')
    expect(s.requests.aborted).toEqual([pixel])
    expect(s.leaks.map((l) => [l.kind, l.destination, l.url])).toEqual([['request', 'Facebook Pixel', pixel]])
  })

  it('sees a pagehide beacon sent during a navigation step, and --allow-hosts holds it back', async () => {
    // localhost is this server too, but not an allowed host: a beacon there must never arrive.
    const beaconUrl = (run: string) => `${server.url.replace('127.0.0.1', 'localhost')}/vendor/beacon/bye-${run}`
    const page = (run: string) =>
      serve(shopPage({ serverUrl: server.url, afterLoad: `addEventListener('pagehide', function () { navigator.sendBeacon(${JSON.stringify(beaconUrl(run))}, 'bye'); });` }))
    const files = await auditFiles({
      'beacon.json': { destinationHosts: { 'Beacon Pixel': [`${server.url.replace('127.0.0.1', 'localhost')}/vendor/beacon/`] }, destinationCategories: { 'Beacon Pixel': ['C0004'] } },
      'steps.json': [{ goto: '/shop-next.html' }],
    })
    const arrived = (run: string) => server.requests.some((r) => r.path === `/vendor/beacon/bye-${run}`)

    // Without --allow-hosts the beacon leaves (the server records it), and the audit saw it go.
    const open = await auditJson(['audit', page('open'), '--config', 'beacon.json', '--steps', 'steps.json', '--quiet', '800', '--scenarios', 'reject-all'], files)
    await expect.poll(() => arrived('open'), { timeout: 10_000 }).toBe(true)
    expect(open.code).toBe(1)
    expect(scenario(open.report, 'reject-all').leaks.map((l) => [l.kind, l.destination, l.url])).toContainEqual(['request', 'Beacon Pixel', beaconUrl('open')])

    // With it, the same beacon is recorded, judged, and never reaches the server.
    const held = await auditJson(['audit', page('held'), '--config', 'beacon.json', '--steps', 'steps.json', '--quiet', '800', '--scenarios', 'reject-all', '--allow-hosts', '127.0.0.1'], files)
    const s = scenario(held.report, 'reject-all')
    expect(s.requests.aborted).toContain(beaconUrl('held'))
    expect(s.leaks.map((l) => [l.kind, l.destination, l.url])).toContainEqual(['request', 'Beacon Pixel', beaconUrl('held')])
    expect(held.code).toBe(1)
    expect(arrived('held')).toBe(false)
  })

  it('watches at least 3 s after the last step by default: a tag fired 2.5 s after load is caught', async () => {
    const url = serve(
      shopPage({
        serverUrl: server.url,
        afterLoad: `setTimeout(function () { fetch(${JSON.stringify(`${server.url}/vendor/${LEAKY.key}/late`)}, { method: 'POST', body: 'late', keepalive: true }).catch(function () {}); }, 2500);`,
      }),
    )
    const { code, report } = await auditJson(['audit', url, ...BASE, '--scenarios', 'reject-all'], dir)
    const late = scenario(report, 'reject-all').leaks.filter((l) => l.url?.endsWith('/late'))
    expect(late.map((l) => [l.kind, l.destination])).toEqual([['request', LEAKY.name]])
    expect(code).toBe(1)
  })

  it('tells "not judged" from clean: a vendor whose destination has no categories is listed, warned about, and exits 3', async () => {
    const url = serve(shopPage({ serverUrl: server.url, afterLoad: `fetch(${JSON.stringify(`${server.url}/vendor/mapless/t`)}, { method: 'POST', body: 'x' }).catch(function () {});` }))
    const files = await auditFiles({ 'mapless.json': { ...shopAuditConfig(server.url), destinationHosts: { ...(shopAuditConfig(server.url).destinationHosts as object), 'Mapless Pixel': [`${server.url}/vendor/mapless/`] } } })
    const args = ['audit', url, '--config', 'mapless.json', '--allow-hosts', '127.0.0.1', '--quiet', '800', '--scenarios', 'accept-all']
    const { code, stdout } = await runAuditInProcess(args, files)
    expect(code, stdout).toBe(3)
    expect(stdout).toContain('WARNING: 1 request(s) to Mapless Pixel not judged')
    expect(stdout).not.toContain('PASS')
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^NOT JUDGED: no leak among what was judged \(.*\), but 1 request\(s\) to Mapless Pixel could not be judged/)
    const accepted = await runAuditInProcess([...args, '--allow-unjudged'], files)
    expect(accepted.code).toBe(0)
    expect(accepted.stdout.trimEnd().split('\n').at(-1)).toMatch(/\(accepted with --allow-unjudged\)\.$/)
  })

  it('exits with 2 when the page cannot be loaded or the command line is wrong', async () => {
    const missing = await auditJson(['audit', `${server.url}/no-such-page.html`, ...BASE], dir)
    expect(missing.code).toBe(2)
    expect(missing.report.scenarios).toHaveLength(1)
    expect(missing.report.scenarios[0].errors[0]).toMatch(/the page did not load: HTTP 404/)
    const usage = await runAuditInProcess(['audit', '--scenarios', 'sometimes', 'http://127.0.0.1/'], dir)
    expect(usage).toMatchObject({ code: 2, stdout: '' })
    expect(usage.stderr).toContain('unknown scenario "sometimes"')
  })
})
