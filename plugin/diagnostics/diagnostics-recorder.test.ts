import { afterEach, describe, expect, it, vi } from 'vitest'
import { ANNOUNCE, type Diagnostic } from '../../shared/protocol/protocol'
import { parseUntrustedMessage } from '../../shared/protocol/parse-message'
import { MAX_MESSAGE_BYTES } from '../../shared/protocol/limits'
import { utf8Bytes } from '../../shared/protocol/utf8-bytes'
import { createRecorder } from './diagnostics-recorder'

/** Collects what the plugin posts to its own window (the debugger's content script would see these). */
function recordPosts() {
  const posted: Array<Record<string, unknown>> = []
  vi.spyOn(window, 'postMessage').mockImplementation((message: unknown) => void posted.push(message as Record<string, unknown>))
  return posted
}
const announce = () => window.dispatchEvent(new MessageEvent('message', { data: ANNOUNCE, source: window, origin: location.origin }))
const held = (n: number) => ({ action: 'held' as const, held: n })

afterEach(() => vi.restoreAllMocks())

describe(createRecorder, () => {
  it('auto: posts only the probe until the debugger announces, then replays the backlog and goes live', async () => {
    const posted = recordPosts()
    const d = createRecorder('auto')
    d.record('hold', held(1))
    expect(posted.map((m) => m.kind)).toEqual(['probe'])
    announce()
    await vi.waitFor(() => expect(posted.length).toBe(3))
    d.record('hold', held(2))
    expect(posted.map((m) => [m.kind, m.seq])).toEqual([['probe', 0], ['probe', 0], ['hold', 1], ['hold', 2]])
    expect(posted.every((m) => parseUntrustedMessage(m) && m.sid === d.sid)).toBe(true)
    d.stop()
  })

  it('builds a body given as a function only when someone looks', async () => {
    recordPosts()
    const d = createRecorder('auto')
    const build = vi.fn(() => held(7))
    d.record('hold', build)
    expect(build).not.toHaveBeenCalled()
    announce()
    await vi.waitFor(() => expect(build).toHaveBeenCalledOnce())
    d.stop()
  })

  it('ignores an announce from another window or origin', async () => {
    const posted = recordPosts()
    // The runtime module already loaded, so an accepted announce would post within the same few microtasks.
    await import('./diagnostics-runtime')
    const d = createRecorder('auto')
    window.dispatchEvent(new MessageEvent('message', { data: ANNOUNCE, source: null, origin: location.origin }))
    window.dispatchEvent(new MessageEvent('message', { data: ANNOUNCE, source: window, origin: 'https://evil.test' }))
    d.record('hold', held(1))
    // Wait for every dynamic import the recorder may have started, and for what runs after it.
    await vi.dynamicImportSettled()
    for (let i = 0; i < 5; i++) await Promise.resolve()
    expect(posted.map((m) => m.kind)).toEqual(['probe'])
    // The same recorder does go live on the real announce: the check above was not vacuous.
    announce()
    await vi.waitFor(() => expect(posted.map((m) => m.kind)).toEqual(['probe', 'probe', 'hold']))
    d.stop()
  })

  it('off: never posts, but onDiagnostic listeners still receive', async () => {
    const posted = recordPosts()
    const d = createRecorder('off')
    const seen: string[] = []
    d.onDiagnostic((m) => seen.push(m.kind))
    d.record('hold', held(1))
    announce()
    await vi.waitFor(() => expect(seen).toEqual(['hold']))
    expect(posted).toEqual([])
  })

  it('always: posts from the start; an oversized message is truncated, never thrown', async () => {
    const posted = recordPosts()
    const d = createRecorder('always')
    d.record('event', { messageId: 'm', type: 'track', consent: {}, status: 'decided', decisions: [], outcomes: [], payload: { blob: 'x'.repeat(MAX_MESSAGE_BYTES) } })
    await vi.waitFor(() => expect(posted.some((m) => m.kind === 'event')).toBe(true))
    const last = posted.find((m) => m.kind === 'event')!
    expect(last.truncated).toBe(true)
    expect(JSON.stringify(last.payload)).toMatch(/…262,144 chars, [\d,]+ kept/)
    expect(utf8Bytes(JSON.stringify(last))).toBeLessThanOrEqual(MAX_MESSAGE_BYTES)
    expect(parseUntrustedMessage(last)).toBeDefined()
    d.stop()
  })

  it('keeps a bounded backlog: at most the last 1,000 messages are replayed', async () => {
    const posted = recordPosts()
    const d = createRecorder('auto')
    for (let i = 0; i < 1500; i++) d.record('hold', held(i))
    announce()
    await vi.waitFor(() => expect(posted.length).toBe(1 + 1000))
    expect(posted[1].seq).toBe(501)
    d.stop()
  })

  it('skips a body that throws while building, and keeps going', async () => {
    const seen: Diagnostic[] = []
    const d = createRecorder('off')
    d.onDiagnostic((m) => seen.push(m))
    d.record('hold', () => {
      throw new Error('hostile getter')
    })
    d.record('hold', held(2))
    await vi.waitFor(() => expect(seen.map((m) => m.seq)).toEqual([1]))
  })
})
