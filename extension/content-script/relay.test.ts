import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { ANNOUNCE, createMessage, type Diagnostic } from '../../shared/protocol/protocol'
import { MAX_MESSAGE_BYTES } from '../../shared/protocol/limits'
import { parseUntrustedMessage } from '../../shared/protocol/parse-message'
import { PluginSession } from '../test-support/diagnostics'
import { acceptChecked, type PostedMessage, type RelayWindow } from './relay-checks'
import { startRelay } from './relay'

const probe = createMessage('sid-1', 0, 'probe', {})
const newerProbe = { ...createMessage('sid-3', 0, 'probe', {}), v: 2 }
const hold = createMessage('sid-1', 1, 'hold', { action: 'held', held: 1 })
/** The data as posted when the relay accepts it, else undefined. */
const acceptMessage = (event: PostedMessage, win: RelayWindow) => (acceptChecked(event, win) ? event.data : undefined)

describe(acceptChecked, () => {
  const win = { top: null as unknown, location: { origin: 'https://shop.example' } }
  win.top = win
  const ok = { source: win, origin: 'https://shop.example', data: hold }

  it('accepts a valid message from our own top window and origin', () => {
    expect(acceptMessage(ok, win)).toEqual(hold)
  })

  it('refuses other sources, other origins, opaque origins and frames', () => {
    expect(acceptMessage({ ...ok, source: {} }, win)).toBeUndefined()
    expect(acceptMessage({ ...ok, source: null }, win)).toBeUndefined()
    expect(acceptMessage({ ...ok, origin: 'https://evil.example' }, win)).toBeUndefined()
    expect(acceptMessage({ ...ok, origin: 'null' }, { ...win, location: { origin: 'null' }, top: undefined })).toBeUndefined()
    const frame = { top: win, location: win.location }
    expect(acceptMessage({ ...ok, source: frame }, frame)).toBeUndefined()
  })

  it('refuses invalid envelopes, unknown kinds and oversized messages', () => {
    expect(acceptMessage({ ...ok, data: { ...hold, v: 2 } }, win)).toBeUndefined()
    expect(acceptMessage({ ...ok, data: { ...hold, kind: 'announce' } }, win)).toBeUndefined()
    expect(acceptMessage({ ...ok, data: ANNOUNCE }, win)).toBeUndefined()
    expect(acceptMessage({ ...ok, data: JSON.stringify(hold) }, win)).toBeUndefined()
    const huge = { ...hold, reason: 'x'.repeat(4000) }
    expect(acceptMessage({ ...ok, data: huge }, win)).toEqual(huge)
    const payload = Array.from({ length: 20 }, () => 'y'.repeat(60_000))
    const tooBig = createMessage('sid-1', 2, 'inspector-event', { instance: 'a', messageId: 'm', type: 'track', consent: null, payload })
    expect(JSON.stringify(tooBig).length).toBeGreaterThan(MAX_MESSAGE_BYTES)
    expect(acceptMessage({ ...ok, data: tooBig }, win)).toBeUndefined()
  })

  it('checks the envelope only: the worker validates every field before storing (tab-buffers.test.ts)', () => {
    const badField = { ...hold, held: 'many' }
    expect(acceptMessage({ ...ok, data: badField }, win)).toEqual(badField)
    expect(acceptMessage({ ...ok, data: { ...hold, sid: 'x'.repeat(65) } }, win)).toBeUndefined()
    expect(acceptMessage({ ...ok, data: { ...hold, seq: -1 } }, win)).toBeUndefined()
    expect(acceptMessage({ ...ok, data: { ...hold, time: Number.NaN } }, win)).toBeUndefined()
    expect(acceptMessage({ ...ok, data: { ...hold, truncated: 'yes' } }, win)).toBeUndefined()
    // Not serialisable: refused, never thrown.
    expect(acceptMessage({ ...ok, data: { ...hold, reason: 10n } }, win)).toBeUndefined()
    const cyclic: Record<string, unknown> = { ...hold }
    cyclic.self = cyclic
    expect(acceptMessage({ ...ok, data: cyclic }, win)).toBeUndefined()
  })

  it('never refuses what the shared validator accepts (fuzz)', () => {
    const base = new PluginSession('fuzz').event('E', { C0001: true })
    const mutated = fc.record({ key: fc.constantFrom(...Object.keys(base), 'truncated', 'extra'), value: fc.jsonValue() }).map(({ key, value }) => ({ ...base, [key]: value }))
    fc.assert(
      fc.property(fc.oneof(mutated, fc.constant(base)), (data) => {
        if (parseUntrustedMessage(data)) expect(acceptMessage({ ...ok, data }, win)).toEqual(data)
      }),
    )
  })

  it('forwards a probe and hello of any other protocol version (the panel then says what to update), nothing else of it', () => {
    const newer = { ...createMessage('sid-2', 1, 'hello', { pluginVersion: '9.0.0', analyticsVersion: '1', url: 'x', options: {} }), v: 7, options: { shape: 'of v7' }, more: 1 }
    expect(acceptMessage({ ...ok, data: newer }, win)).toEqual(newer)
    expect(acceptMessage({ ...ok, data: { ...probe, v: 2 } }, win)).toEqual({ ...probe, v: 2 })
    expect(acceptMessage({ ...ok, data: { ...hold, v: 2 } }, win)).toBeUndefined()
    // Minimal checks still hold for a foreign greeting: the envelope fields and the size cap.
    expect(acceptMessage({ ...ok, data: { ...probe, v: 2.5 } }, win)).toBeUndefined()
    expect(acceptMessage({ ...ok, data: { ...probe, v: 2, sid: 'x'.repeat(65) } }, win)).toBeUndefined()
    expect(acceptMessage({ ...ok, data: { ...newer, more: 'z'.repeat(MAX_MESSAGE_BYTES) } }, win)).toBeUndefined()
  })

  it('forwards each message as its JSON text, sized within the cap', () => {
    const checked = acceptChecked(ok, win)!
    expect(checked).toEqual({ kind: 'hold', json: JSON.stringify(hold), bytes: JSON.stringify(hold).length })
  })

  it('never throws and accepts nothing that is not a protocol message', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        expect(acceptMessage({ ...ok, data }, win)).toBeUndefined()
      }),
    )
  })
})

describe(startRelay, () => {
  let stop: (() => void) | undefined
  afterEach(() => stop?.())
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

  /**
   * Vitest's `window` global is not the object happy-dom sets as
   * `event.source`; the relay must compare against the real one, as in Chrome.
   */
  async function realWindow(): Promise<Window> {
    return new Promise((resolve) => {
      window.addEventListener('message', (e) => resolve(e.source as Window), { once: true })
      window.postMessage('which-window', '*')
    })
  }

  it('announces, forwards checked messages, answers probes, and posts nothing else', async () => {
    const win = await realWindow()
    const seen: unknown[] = []
    const record = (e: MessageEvent) => seen.push(e.data)
    window.addEventListener('message', record)
    const forwarded: Diagnostic[] = []
    stop = startRelay(win, (c) => forwarded.push(JSON.parse(c.json) as Diagnostic))
    await tick()
    win.postMessage(probe, location.origin)
    win.postMessage({ ...hold, kind: 'nope' }, location.origin)
    win.postMessage('<img src=x onerror=alert(1)>', '*')
    win.postMessage(hold, location.origin)
    win.postMessage(newerProbe, location.origin)
    await tick()
    await tick()
    window.removeEventListener('message', record)
    // Forwarded as JSON text: each text is the message.
    expect(forwarded).toEqual([probe, hold, newerProbe])
    // Everything in the page's message stream that did not come from the test is ANNOUNCE.
    const fromRelay = seen.filter((d) => !(d === probe || d === hold || d === newerProbe || typeof d === 'string' || (d as { kind?: string }).kind === 'nope'))
    // The first at start, then one per probe, a newer plugin's included (it may accept ours).
    expect(fromRelay).toEqual([ANNOUNCE, ANNOUNCE, ANNOUNCE])
  })
})
