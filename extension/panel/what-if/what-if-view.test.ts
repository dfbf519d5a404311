/**
 * The what-if section inside the whole panel (happy-dom, a real worker core on
 * in-memory storage, joined by the in-memory adapter pair), queried by role
 * and label as a user finds things.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Diagnostic } from '../../../shared/protocol/protocol'
import type { PanelRequest, WorkerUpdate } from '../../messaging/extension-messages'
import { memoryAdapterPair } from '../../messaging/message-adapter'
import { MemoryStorage } from '../../service-worker/buffer-storage'
import { PanelPorts } from '../../service-worker/panel-ports'
import { TabBuffers } from '../../service-worker/tab-buffers'
import { PluginSession } from '../../test-support/diagnostics'
import { createPanelApp } from '../panel-app'
import { recordEvent, type PluginSetup } from './what-if-fixtures'

const TAB = 3
const setup: PluginSetup = {
  settings: {
    integrations: {
      'Segment.io': {},
      Analytics: { type: 'browser', consentSettings: { categories: ['C0002'] } },
      Ads: { type: 'browser', consentSettings: { categories: ['C0004'] } },
    },
    consentSettings: { allCategories: ['C0002', 'C0004'], hasUnmappedDestinations: false },
  },
  options: { gpc: { deny: ['C0004'] } },
}

async function mount(messages: Diagnostic[]) {
  const storage = new MemoryStorage()
  const ports: PanelPorts = new PanelPorts(() => buffers)
  const buffers: TabBuffers = new TabBuffers(storage, undefined, (u) => ports.broadcast(u))
  await buffers.append(TAB, 'page', 'http://127.0.0.1/shop', messages)
  const root = document.createElement('div')
  document.body.replaceChildren(root)
  const app = createPanelApp(root, {
    tabId: TAB,
    toolVersion: '0.1.0',
    download: () => undefined,
    openPort: () => {
      const [panelEnd, workerEnd] = memoryAdapterPair<WorkerUpdate, PanelRequest>()
      return { channel: panelEnd, close: ports.connect(workerEnd) }
    },
  })
  await vi.waitFor(() => expect(app.index.rows.length).toBeGreaterThan(0))
  return { app, buffers }
}

const section = () => document.querySelector<HTMLElement>('section[aria-label="What if"]')!
const checkbox = (name: string) => [...section().querySelectorAll('label')].find((l) => l.textContent === name)!.querySelector('input')!
const tableRows = (label: string) =>
  [...section().querySelectorAll(`table[aria-label="${label}"] tbody tr`)].map((tr) => ({ cells: [...tr.children].map((c) => c.textContent), changed: tr.classList.contains('changed') }))

afterEach(() => document.body.replaceChildren())

describe('the what-if section', () => {
  it('starts at the event’s consent, and toggling Ads on shows it allowed under what-if while “happened” stays blocked', async () => {
    const { app } = await mount(recordEvent(setup, { status: 'decided', categories: { C0002: true, C0004: false }, model: 'opt-in', source: 'onetrust' }))
    app.selection.select(app.index.rows[0].key)
    app.renderNow()
    expect(checkbox('C0002').checked).toBe(true)
    expect(checkbox('C0004').checked).toBe(false)
    expect(section().querySelector('[role="status"]')!.textContent).toBe('No change: this consent routes the event as it was routed.')
    expect(tableRows('What if routing').every((r) => !r.changed)).toBe(true)

    const box = checkbox('C0004')
    box.focus()
    box.click()
    app.renderNow()
    expect(tableRows('What if routing')).toEqual([
      { cells: ['Segment.io', 'segment', 'allowed · consented', 'allowed · consented', ''], changed: false },
      { cells: ['Analytics', 'device', 'allowed · consented', 'allowed · consented', ''], changed: false },
      { cells: ['Ads', 'device', 'blocked · missing-consent · missing C0004', 'allowed · consented', 'changes'], changed: true },
    ])
    expect(section().querySelector('[role="status"]')!.textContent).toBe('1 of 3 destinations changes under this consent.')
    // The control survives the re-render, so keyboard users stay where they were.
    expect(document.activeElement).toBe(checkbox('C0004'))
    // The recorded routing table above is untouched.
    const recorded = [...document.querySelectorAll('table.routing tbody tr')].find((tr) => tr.firstChild?.textContent === 'Ads')!
    expect(recorded.children[3].textContent).toBe('blocked')
  })

  it('applies the GPC signal with the page’s gpc option, and Reset goes back to the event’s consent', async () => {
    const { app } = await mount(recordEvent(setup, { status: 'decided', categories: { C0002: true, C0004: true }, model: 'opt-in', source: 'onetrust' }))
    app.selection.select(app.index.rows[0].key)
    app.renderNow()
    const gpc = [...section().querySelectorAll('label')].find((l) => l.textContent === 'GPC signal on')!.querySelector('input')!
    gpc.click()
    app.renderNow()
    expect(tableRows('What if routing').find((r) => r.cells[0] === 'Ads')?.cells[3]).toBe('blocked · gpc · missing C0004')
    const reset = [...section().querySelectorAll('button')].find((b) => b.textContent === 'Reset to this event’s consent')!
    reset.click()
    app.renderNow()
    expect(gpc.checked).toBe(false)
    expect(tableRows('What if routing').some((r) => r.changed)).toBe(false)
  })

  it('switches the consent model from its selector', async () => {
    const { app } = await mount(recordEvent(setup, { status: 'pending', categories: {}, model: 'opt-in', source: 'onetrust' }))
    app.selection.select(app.index.rows[0].key)
    app.renderNow()
    expect(tableRows('What if routing').map((r) => r.cells[3])).toEqual(['blocked · pending', 'blocked · pending · missing C0002', 'blocked · pending · missing C0004'])
    const model = section().querySelector<HTMLSelectElement>('select[aria-label="Consent model"]')!
    model.value = 'opt-out'
    model.dispatchEvent(new Event('change'))
    app.renderNow()
    // Opt-out: nothing is held, and a category nobody denied counts; but the stamped map said false for both.
    expect(tableRows('What if routing').map((r) => r.cells[3])).toEqual(['blocked · missing-consent', 'blocked · missing-consent · missing C0002', 'blocked · missing-consent · missing C0004'])
  })

  it('summarises the whole session per destination: would be delivered next to delivered', async () => {
    const p = new PluginSession()
    const { app } = await mount([
      ...recordEvent(setup, { status: 'decided', categories: { C0002: true, C0004: false }, model: 'opt-in', source: 'onetrust' }, 'One', p),
      ...recordEvent(setup, { status: 'decided', categories: { C0002: true, C0004: false }, model: 'opt-in', source: 'onetrust' }, 'Two', p),
    ])
    app.selection.select(app.index.rows[0].key)
    app.renderNow()
    const whole = [...section().querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.parentElement?.textContent === 'Whole session')!
    whole.click()
    app.renderNow()
    expect(section().querySelector('[role="status"]')!.textContent).toBe('No change over 2 events.')
    checkbox('C0004').click()
    app.renderNow()
    expect(tableRows('What if: whole session')).toEqual([
      { cells: ['Segment.io', 'segment', '2', '2', '2', ''], changed: false },
      { cells: ['Analytics', 'device', '2', '2', '2', ''], changed: false },
      { cells: ['Ads', 'device', '2', '0', '2', 'changes (+2)'], changed: true },
    ])
    // Selecting another event keeps the session hypothesis.
    app.selection.select(app.index.rows[1].key)
    app.renderNow()
    expect(checkbox('C0004').checked).toBe(true)
  })
})
