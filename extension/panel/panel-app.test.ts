/**
 * The whole panel in happy-dom against a real worker core (TabBuffers and
 * PanelPorts on in-memory storage), joined by the in-memory adapter pair
 * instead of chrome ports. Queried by role, as a user would find things.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PanelRequest, WorkerUpdate } from '../messaging/extension-messages'
import { memoryAdapterPair } from '../messaging/message-adapter'
import { MemoryStorage } from '../service-worker/buffer-storage'
import { DEFAULT_LIMITS, type BufferLimits } from '../service-worker/buffer-limits'
import { PanelPorts } from '../service-worker/panel-ports'
import { TabBuffers } from '../service-worker/tab-buffers'
import { PluginSession } from '../test-support/diagnostics'
import type { OpenPort } from './connection/live-connection'
import { createPanelApp } from './panel-app'

const TAB = 7

function fakeWorker(limits?: BufferLimits) {
  const storage = new MemoryStorage()
  const live: Array<() => void> = []
  const start = () => {
    const ports: PanelPorts = new PanelPorts(() => buffers)
    const buffers: TabBuffers = new TabBuffers(storage, limits, (u) => ports.broadcast(u))
    return { ports, buffers }
  }
  let worker = start()
  const openPort: OpenPort = (onClose) => {
    const [panelEnd, workerEnd] = memoryAdapterPair<WorkerUpdate, PanelRequest>()
    const cleanup = worker.ports.connect(workerEnd)
    live.push(() => {
      cleanup()
      onClose()
    })
    return { channel: panelEnd, close: cleanup }
  }
  return {
    openPort,
    get buffers() {
      return worker.buffers
    },
    /** Like CDP Target.closeTarget on the worker: ports drop, memory is gone, storage stays. */
    restart() {
      for (const kill of live.splice(0)) kill()
      worker = start()
    },
  }
}

function mount(worker: ReturnType<typeof fakeWorker>, downloads: string[] = [], protocolVersion?: number) {
  const root = document.createElement('div')
  document.body.replaceChildren(root)
  return createPanelApp(root, { openPort: worker.openPort, tabId: TAB, toolVersion: '0.1.0', download: (_name, text) => void downloads.push(text), protocolVersion })
}

const rows = () => [...document.querySelectorAll<HTMLElement>('[role="grid"] .spacer [role="row"]')]
const rowNames = () => rows().map((r) => r.querySelector('.c-name')!.firstChild!.textContent)
const byLabel = <T extends Element>(label: string) => document.querySelector<T>(`[aria-label="${label}"]`)!

afterEach(() => document.body.replaceChildren())

describe('the panel', () => {
  it('lists a tab’s messages with consent and counts, and renders page data as text only', async () => {
    const worker = fakeWorker()
    const p = new PluginSession()
    await worker.buffers.append(TAB, 'page', 'http://127.0.0.1/shop', [p.settings(), p.consent({ C0002: true, C0004: false }), p.event('<img src=x onerror=alert(1)>', { C0002: true, C0004: false })])
    const app = mount(worker)
    await vi.waitFor(() => expect(rows()).toHaveLength(1))
    app.renderNow()
    const [row] = rows()
    expect(rowNames()).toEqual(['<img src=x onerror=alert(1)>'])
    expect(document.querySelector('img')).toBeNull()
    expect(row.querySelector('[aria-label="2 delivered"]')?.textContent).toBe('2')
    expect(row.querySelector('[aria-label="1 blocked"]')?.textContent).toBe('1')
    expect([...row.querySelectorAll('.chip')].map((c) => c.textContent)).toEqual(['✓ C0002', '✗ C0004'])
    expect(byLabel('Connection').textContent).toBe('Live')
  })

  it('is keyboard navigable: arrows move between rows, Enter opens the detail', async () => {
    const worker = fakeWorker()
    const p = new PluginSession()
    await worker.buffers.append(TAB, 'page', 'http://x/', [p.event('First', { C0002: true }), p.event('Second', { C0002: false })])
    const app = mount(worker)
    await vi.waitFor(() => expect(rows()).toHaveLength(2))
    const [first] = rows()
    expect(first.tabIndex).toBe(0)
    first.focus()
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }))
    expect((document.activeElement as HTMLElement).textContent).toContain('Second')
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    app.renderNow()
    const detail = byLabel<HTMLElement>('Event detail')
    expect(detail.hidden).toBe(false)
    expect(detail.querySelector('h2')?.textContent).toBe('track Second')
    const routing = [...detail.querySelectorAll('table[aria-label="Routing"] tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent))
    expect(routing).toContainEqual(['Google Analytics 4 Web', 'device', 'C0002', 'blocked', 'missing-consent', 'C0002', 'blocked (3 ms)'])
    expect(detail.querySelector('pre')?.textContent).toContain('"event": "Second"')
  })

  it('updates live, and a filter change updates the list', async () => {
    const worker = fakeWorker()
    const p = new PluginSession()
    const app = mount(worker)
    await vi.waitFor(() => expect(app.connection.state).toBe('live'))
    await worker.buffers.append(TAB, 'page', 'http://x/', [p.event('Alpha', {}), p.event('Beta', {})])
    await vi.waitFor(() => expect(rowNames()).toEqual(['Alpha', 'Beta']))
    const search = byLabel<HTMLInputElement>('Search events')
    search.value = 'bet'
    search.dispatchEvent(new Event('input'))
    await vi.waitFor(() => expect(rowNames()).toEqual(['Beta']))
  })

  it('survives a worker restart without losing or duplicating anything', async () => {
    const worker = fakeWorker()
    const p = new PluginSession()
    await worker.buffers.append(TAB, 'page', 'http://x/', [p.event('Before', {})])
    const app = mount(worker)
    await vi.waitFor(() => expect(rowNames()).toEqual(['Before']))
    worker.restart()
    expect(app.connection.state).toBe('reconnecting')
    // Sent while the panel was away, replayed by the relay after the restart, then new ones.
    await worker.buffers.append(TAB, 'page', 'http://x/', [p.event('During', {})])
    await vi.waitFor(() => expect(app.connection.state).toBe('live'))
    await worker.buffers.append(TAB, 'page', 'http://x/', [p.event('After', {})])
    await vi.waitFor(() => expect(rowNames()).toEqual(['Before', 'During', 'After']))
  })

  it('clears the view and the worker buffer', async () => {
    const worker = fakeWorker()
    await worker.buffers.append(TAB, 'page', 'http://x/', [new PluginSession().event('Gone', {})])
    const app = mount(worker)
    await vi.waitFor(() => expect(rows()).toHaveLength(1))
    ;[...document.querySelectorAll('button')].find((b) => b.textContent === 'Clear')!.click()
    app.renderNow()
    expect(rows()).toHaveLength(0)
    await vi.waitFor(async () => expect((await worker.buffers.read(TAB)).entries).toEqual([]))
  })

  it('exports, then imports the same session; a bad file gets a clear message', async () => {
    const worker = fakeWorker()
    const p = new PluginSession()
    await worker.buffers.append(TAB, 'page', 'http://x/', [p.settings(), p.event('One', { C0002: true }), p.event('Two', {})])
    const downloads: string[] = []
    mount(worker, downloads)
    await vi.waitFor(() => expect(rows()).toHaveLength(2))
    ;[...document.querySelectorAll('button')].find((b) => b.textContent === 'Export session')!.click()
    expect(JSON.parse(downloads[0]).messages).toHaveLength(3)

    const app = mount(fakeWorker())
    const input = byLabel<HTMLInputElement>('Import session')
    const choose = (name: string, text: string) => {
      Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true })
      input.dispatchEvent(new Event('change'))
    }
    choose('broken.json', '{"format":"nope"}')
    await vi.waitFor(() => expect(document.querySelector('[role="alert"]')?.textContent).toMatch(/Could not import broken.json: Not a Consent Guard session/))
    choose('good.json', downloads[0])
    await vi.waitFor(() => expect(rowNames()).toEqual(['One', 'Two']))
    expect(app.connection.state).toBe('imported')
    expect(document.querySelector('[role="alert"]')?.textContent).toMatch(/Imported 3 messages/)
  })

  it('switches views with the tablist: consent timeline and destinations', async () => {
    const worker = fakeWorker()
    const p = new PluginSession()
    await worker.buffers.append(TAB, 'page', 'http://x/', [p.settings(), p.consent({ C0002: false }), p.consent({ C0002: true }), p.event('A', { C0002: true })])
    const app = mount(worker)
    await vi.waitFor(() => expect(rows()).toHaveLength(1))
    const tab = (name: string) => [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === name)!
    tab('Events').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }))
    expect(tab('Consent timeline').getAttribute('aria-selected')).toBe('true')
    expect(byLabel<HTMLElement>('Events').closest<HTMLElement>('[role="tabpanel"]')!.hidden).toBe(true)
    const changes = [...document.querySelectorAll('table[aria-label="Consent timeline"] tbody tr')].map((tr) => tr.children[3].textContent)
    expect(changes).toEqual(['C0002: absent → denied', 'C0002: denied → granted'])
    tab('Destinations').click()
    app.renderNow()
    const names = [...document.querySelectorAll('table[aria-label="Destinations"] tbody th')].map((th) => th.firstChild?.textContent)
    expect(names).toEqual(['Segment.io', 'Google Analytics 4 Web', 'Facebook Pixel', 'Mixpanel', 'Webhooks'])
    // No network view outside DevTools.
    expect(tab('Network check')).toBeUndefined()
  })

  it('shows the dropped counter the worker reports, live and in the snapshot', async () => {
    // A worker that keeps 4 messages per tab, in chunks of 2: the oldest chunks go, and are counted.
    const worker = fakeWorker({ ...DEFAULT_LIMITS, tabMessages: 4, chunkEntries: 2 })
    const p = new PluginSession()
    const app = mount(worker)
    await vi.waitFor(() => expect(app.connection.state).toBe('live'))
    expect(byLabel('Dropped messages').textContent).toBe('0 dropped')
    await worker.buffers.append(TAB, 'page', 'http://x/', Array.from({ length: 8 }, (_, i) => p.event(`E${i}`, {})))
    const { dropped } = await worker.buffers.read(TAB)
    expect(dropped).toBeGreaterThan(0)
    await vi.waitFor(() => expect(byLabel('Dropped messages').textContent).toBe(`${dropped} dropped`))
    // A panel opened afterwards learns it from the snapshot.
    mount(worker)
    await vi.waitFor(() => expect(byLabel('Dropped messages').textContent).toBe(`${dropped} dropped`))
  })

  it('names both protocol versions and says to update the debugger when the plugin is newer', async () => {
    const worker = fakeWorker()
    const s = new PluginSession('new')
    const probe = { ...s.next('probe', {}), v: 2 }
    const hello = { ...s.next('hello', { pluginVersion: '3.0.0', analyticsVersion: '1.84.3', url: 'http://x/', options: {} }), v: 2, options: { changed: 'shape' } }
    const event = { ...s.event('Not readable by v1', {}), v: 2 }
    // Through the worker's own validation, as the relay sends them: JSON text.
    await worker.buffers.append(TAB, 'page', 'http://x/', [probe, hello, event].map((m) => JSON.stringify(m)))
    mount(worker)
    const banner = () => byLabel<HTMLElement>('Protocol version')
    await vi.waitFor(() => expect(banner().hidden).toBe(false))
    expect(banner().getAttribute('role')).toBe('alert')
    expect(banner().textContent).toBe(
      "The page's Consent Guard plugin 3.0.0 speaks diagnostics protocol v2; the Consent Guard debugger speaks v1. The plugin is newer: update the Consent Guard debugger to see its events.",
    )
    // Only the greetings were kept (reduced): the v2 event is not shown as if it were v1.
    expect(rows()).toHaveLength(0)
    const stored = (await worker.buffers.read(TAB)).entries.flatMap((e) => (e.type === 'message' ? [e.message] : []))
    expect(stored).toEqual([
      { source: 'consent-guard', v: 2, sid: 'new', seq: 0, time: probe.time, kind: 'probe' },
      { source: 'consent-guard', v: 2, sid: 'new', seq: 1, time: hello.time, kind: 'hello', pluginVersion: '3.0.0' },
    ])
  })

  it('says to update the plugin package when the plugin is older than the debugger', async () => {
    const worker = fakeWorker()
    const p = new PluginSession()
    await worker.buffers.append(TAB, 'page', 'http://x/', [p.next('probe', {}), p.next('hello', { pluginVersion: '0.1.0', analyticsVersion: '1.84.3', url: 'http://x/', options: {} })])
    // A debugger that speaks v2 in front of this v1 plugin.
    mount(worker, [], 2)
    await vi.waitFor(() => expect(byLabel<HTMLElement>('Protocol version').hidden).toBe(false))
    expect(byLabel('Protocol version').textContent).toMatch(/plugin 0\.1\.0 speaks diagnostics protocol v1; the Consent Guard debugger speaks v2\. The plugin is older: update the consent-guard package/)
  })

  it('shows no version banner when both speak the same version', async () => {
    const worker = fakeWorker()
    const p = new PluginSession()
    await worker.buffers.append(TAB, 'page', 'http://x/', [p.next('probe', {}), p.event('Same', {})])
    mount(worker)
    await vi.waitFor(() => expect(rows()).toHaveLength(1))
    expect(byLabel<HTMLElement>('Protocol version').hidden).toBe(true)
  })
})
