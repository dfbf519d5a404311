import { afterEach, describe, expect, it, vi } from 'vitest'
import { ANNOUNCE } from '../../shared/protocol/protocol'
import { parseUntrustedMessage } from '../../shared/protocol/parse-message'
import { MAX_MESSAGE_BYTES, utf8Bytes } from '../../shared/protocol/limits'
import { createDiagnostics } from './diagnostics-emitter'

/** Collects what the plugin posts to its own window (the debugger's content script would see these). */
function recordPosts() {
  const posted: unknown[] = []
  const spy = vi.spyOn(window, 'postMessage').mockImplementation((message: unknown) => void posted.push(message))
  return { posted, spy }
}

const announce = () => window.dispatchEvent(new MessageEvent('message', { data: ANNOUNCE, source: window, origin: location.origin }))

afterEach(() => vi.restoreAllMocks())

describe(createDiagnostics, () => {
  it("auto: posts only the probe until the debugger announces, then replays the backlog and goes live", () => {
    const { posted } = recordPosts()
    const d = createDiagnostics('auto')
    d.emit('hold', { action: 'held', held: 1 })
    expect(posted.map((m) => (m as { kind: string }).kind)).toEqual(['probe'])
    announce()
    d.emit('hold', { action: 'released', held: 0 })
    expect(posted.map((m) => (m as { seq: number }).seq)).toEqual([0, 0, 1, 2])
    expect(posted.every((m) => parseUntrustedMessage(m))).toBe(true)
    d.stop()
  })

  it('ignores an announce from another window or origin', () => {
    const { posted } = recordPosts()
    const d = createDiagnostics('auto')
    window.dispatchEvent(new MessageEvent('message', { data: ANNOUNCE, source: null, origin: location.origin }))
    window.dispatchEvent(new MessageEvent('message', { data: ANNOUNCE, source: window, origin: 'https://evil.test' }))
    d.emit('hold', { action: 'held', held: 1 })
    expect(posted).toHaveLength(1)
    d.stop()
  })

  it('off: never posts, but onDiagnostic listeners still receive', () => {
    const { posted } = recordPosts()
    const d = createDiagnostics('off')
    const seen: string[] = []
    d.onDiagnostic((m) => seen.push(m.kind))
    d.emit('hold', { action: 'held', held: 1 })
    announce()
    expect(posted).toEqual([])
    expect(seen).toEqual(['hold'])
  })

  it('always: posts from the start; an oversized message is truncated, never thrown', () => {
    const { posted } = recordPosts()
    const d = createDiagnostics('always')
    const huge = { blob: 'x'.repeat(MAX_MESSAGE_BYTES) }
    d.emit('event', {
      messageId: 'm',
      type: 'track',
      consent: {},
      status: 'decided',
      decisions: [],
      outcomes: [],
      payload: huge,
    })
    const last = posted.at(-1) as Record<string, unknown>
    expect(last.truncated).toBe(true)
    expect(last.payload).toBeUndefined()
    expect(utf8Bytes(JSON.stringify(last))).toBeLessThanOrEqual(MAX_MESSAGE_BYTES)
    expect(parseUntrustedMessage(last)).toBeDefined()
    d.stop()
  })

  it('keeps a bounded backlog: at most 1,000 messages are replayed', () => {
    const { posted } = recordPosts()
    const d = createDiagnostics('auto')
    for (let i = 0; i < 1500; i++) d.emit('hold', { action: 'held', held: i })
    announce()
    expect(posted.length).toBe(1 + 1000)
    expect((posted[1] as { seq: number }).seq).toBe(501)
    d.stop()
  })
})
