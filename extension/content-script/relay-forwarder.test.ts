import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { createMessage, type Diagnostic } from '../../shared/protocol/protocol'
import { checkMessage } from '../messaging/checked-message'
import type { RelayBatch } from '../messaging/extension-messages'
import { MemoryStorage } from '../service-worker/buffer-storage'
import { TabBuffers } from '../service-worker/tab-buffers'
import { createForwarder } from './relay-forwarder'

const msg = (seq: number): Diagnostic => createMessage('s', seq, 'hold', { action: 'held', held: seq }, 1000)
const checked = (seq: number) => checkMessage(msg(seq))!
const seqs = (b: RelayBatch) => b.messages.split('\n').map((m) => (JSON.parse(m) as Diagnostic).seq)
const noWait = () => Promise.resolve()

describe(createForwarder, () => {
  it('sends a burst as one batch, in order, as JSON text tagged with the page id and its place', async () => {
    const batches: RelayBatch[] = []
    const f = createForwarder(async (b) => void batches.push(b), 'page-1', { wait: noWait })
    for (let i = 0; i < 5; i++) f.push(checked(i))
    await f.idle()
    expect(batches).toEqual([{ type: 'relay-batch', pageId: 'page-1', batch: 0, floor: 0, messages: [0, 1, 2, 3, 4].map((i) => JSON.stringify(msg(i))).join('\n') }])
  })

  it('sends every batch that fills up while others are in flight, up to the in-flight cap; a partial one waits for them', async () => {
    const sent: Array<{ batch: number; floor: number; seqs: number[] }> = []
    const acks: Array<() => void> = []
    const f = createForwarder(
      (b) => {
        sent.push({ batch: b.batch, floor: b.floor, seqs: seqs(b) })
        return new Promise<void>((resolve) => acks.push(resolve))
      },
      'p',
      { maxBatch: 3, maxInFlight: 2, lingerMs: 60_000, wait: noWait },
    )
    for (let i = 0; i < 11; i++) f.push(checked(i))
    await Promise.resolve()
    // Two full batches in flight; the third full one waits for room.
    expect(sent).toEqual([
      { batch: 0, floor: 0, seqs: [0, 1, 2] },
      { batch: 1, floor: 0, seqs: [3, 4, 5] },
    ])
    acks.shift()!()
    await new Promise((r) => setTimeout(r, 0))
    expect(sent.slice(2)).toEqual([{ batch: 2, floor: 1, seqs: [6, 7, 8] }])
    // The partial batch [9, 10] goes only once nothing is in flight.
    acks.shift()!()
    await new Promise((r) => setTimeout(r, 0))
    expect(sent).toHaveLength(3)
    acks.shift()!()
    await new Promise((r) => setTimeout(r, 0))
    expect(sent.slice(3)).toEqual([{ batch: 3, floor: 3, seqs: [9, 10] }])
    acks.shift()!()
    await f.idle()
  })

  it('sends a partial batch while others are in flight once no message came for lingerMs (the burst is over)', async () => {
    const sent: number[][] = []
    const acks: Array<() => void> = []
    const f = createForwarder(
      (b) => {
        sent.push(seqs(b))
        return new Promise<void>((resolve) => acks.push(resolve))
      },
      'p',
      { maxBatch: 3, lingerMs: 5, wait: noWait },
    )
    for (let i = 0; i < 5; i++) f.push(checked(i))
    await Promise.resolve()
    expect(sent).toEqual([[0, 1, 2]])
    // Still arriving: the linger check sees new messages and waits on.
    await new Promise((r) => setTimeout(r, 3))
    f.push(checked(5))
    await new Promise((r) => setTimeout(r, 3))
    f.push(checked(6))
    expect(sent).toEqual([[0, 1, 2], [3, 4, 5]])
    // Quiet now: [6] goes although [0, 1, 2] and [3, 4, 5] are not acknowledged.
    await vi.waitFor(() => expect(sent).toEqual([[0, 1, 2], [3, 4, 5], [6]]))
    for (const ack of acks) ack()
    await f.idle()
  })

  it('retries an unacknowledged batch (worker restarted) so nothing is lost', async () => {
    const delivered: number[] = []
    let failures = 2
    const f = createForwarder(
      async (b) => {
        if (failures-- > 0) throw new Error('message channel closed before a response was received')
        delivered.push(...seqs(b))
      },
      'p',
      { wait: noWait },
    )
    f.push(checked(0))
    f.push(checked(1))
    await f.idle()
    expect(delivered).toEqual([0, 1])
    expect(f.lost).toBe(0)
  })

  it('gives up after the last retry and counts what it lost', async () => {
    const f = createForwarder(() => Promise.reject(new Error('Extension context invalidated')), 'p', { retryDelaysMs: [1, 1], wait: noWait })
    f.push(checked(0))
    f.push(checked(1))
    await f.idle()
    expect(f.lost).toBe(2)
  })

  it('bounds the queue (count and bytes) while the worker is unreachable', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const delivered: number[] = []
    const f = createForwarder(async (b) => {
      await gate
      delivered.push(...seqs(b))
    }, 'p', { maxQueued: 3, wait: noWait })
    f.push(checked(0))
    await Promise.resolve()
    await Promise.resolve()
    for (let i = 1; i <= 5; i++) f.push(checked(i))
    release()
    await f.idle()
    expect(delivered).toEqual([0, 3, 4, 5])
    expect(f.lost).toBe(2)

    const bytes = checked(0).bytes
    const small = createForwarder(async () => {}, 'p', { maxQueuedBytes: bytes * 2, wait: noWait })
    for (let i = 0; i < 5; i++) small.push(checked(i))
    expect(small.lost).toBe(3)
  })

  it('takes a burst of 10,000 without losing any', async () => {
    let got = 0
    const f = createForwarder(async (b) => void (got += b.messages.split('\n').length), 'p', { wait: noWait })
    for (let i = 0; i < 10_000; i++) f.push(checked(i))
    await f.idle()
    expect(got).toBe(10_000)
    expect(f.lost).toBe(0)
  })

  it('with batches in flight and a worker that fails at random, the worker stores every message once, in page order', async () => {
    // Each send is delivered in order (as Chrome delivers one sender's
    // messages) but may be lost on the way in (worker stopped) or on the way
    // back (stopped after its write); acknowledgements come back late and out of order.
    const outcome = fc.constantFrom('ok', 'ok', 'ok', 'lost-in', 'lost-out')
    await fc.assert(
      fc.asyncProperty(fc.array(outcome, { minLength: 1, maxLength: 60 }), fc.array(fc.nat(3), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 60 }), async (outcomes, delays, count) => {
        const buffers = new TabBuffers(new MemoryStorage())
        let call = 0
        const send = (b: RelayBatch) => {
          const i = call++
          // Failures first, then every send succeeds, so every batch gets through in the end.
          const what = outcomes[i] ?? 'ok'
          const stored = what === 'lost-in' ? Promise.reject(new Error('Could not establish connection')) : buffers.append(1, b.pageId, 'http://x/', b.messages.split('\n'), b)
          const reply = stored.then((r) => {
            if (what === 'lost-out') throw new Error('message port closed before a response was received')
            return r
          })
          let later: Promise<unknown> = reply.catch(() => undefined)
          for (let d = 0; d < (delays[i] ?? 0); d++) later = later.then(() => new Promise((r) => setTimeout(r, 0)))
          return later.then(() => reply)
        }
        const f = createForwarder(send, 'page', { maxBatch: 4, maxInFlight: 3, retryDelaysMs: Array(20).fill(0), wait: () => new Promise((r) => setTimeout(r, 0)) })
        for (let i = 0; i < count; i++) f.push(checked(i))
        await f.idle()
        const { entries } = await buffers.read(1)
        const stored = entries.flatMap((e) => (e.type === 'message' ? [e.message.seq] : []))
        expect(f.lost).toBe(0)
        expect(stored).toEqual(Array.from({ length: count }, (_, i) => i))
      }),
      { numRuns: 60 },
    )
  })
})
