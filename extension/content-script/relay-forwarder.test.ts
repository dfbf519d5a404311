import { describe, expect, it } from 'vitest'
import { createMessage, type Diagnostic } from '../../shared/protocol/protocol'
import type { RelayBatch } from '../messaging/extension-messages'
import { createForwarder } from './relay-forwarder'

const msg = (seq: number): Diagnostic => createMessage('s', seq, 'hold', { action: 'held', held: seq }, 1000)
const noWait = () => Promise.resolve()

describe(createForwarder, () => {
  it('sends a burst as one batch, in order, tagged with the page id', async () => {
    const batches: RelayBatch[] = []
    const f = createForwarder(async (b) => void batches.push(b), 'page-1', { wait: noWait })
    for (let i = 0; i < 5; i++) f.push(msg(i))
    await f.idle()
    expect(batches).toEqual([{ type: 'relay-batch', pageId: 'page-1', messages: [0, 1, 2, 3, 4].map(msg) }])
  })

  it('caps batch size and keeps one batch in flight', async () => {
    const sizes: number[] = []
    let inFlight = 0
    let maxInFlight = 0
    const f = createForwarder(
      async (b) => {
        maxInFlight = Math.max(maxInFlight, ++inFlight)
        await Promise.resolve()
        sizes.push(b.messages.length)
        inFlight--
      },
      'p',
      { maxBatch: 3, wait: noWait },
    )
    for (let i = 0; i < 8; i++) f.push(msg(i))
    await f.idle()
    expect(sizes).toEqual([3, 3, 2])
    expect(maxInFlight).toBe(1)
  })

  it('retries an unacknowledged batch (worker restarted) so nothing is lost', async () => {
    const delivered: number[] = []
    let failures = 2
    const f = createForwarder(
      async (b) => {
        if (failures-- > 0) throw new Error('message channel closed before a response was received')
        delivered.push(...b.messages.map((m) => m.seq))
      },
      'p',
      { wait: noWait },
    )
    f.push(msg(0))
    f.push(msg(1))
    await f.idle()
    expect(delivered).toEqual([0, 1])
    expect(f.lost).toBe(0)
  })

  it('gives up after the last retry and counts what it lost', async () => {
    const f = createForwarder(() => Promise.reject(new Error('Extension context invalidated')), 'p', { retryDelaysMs: [1, 1], wait: noWait })
    f.push(msg(0))
    f.push(msg(1))
    await f.idle()
    expect(f.lost).toBe(2)
  })

  it('bounds the queue (count and bytes) while the worker is unreachable', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const delivered: number[] = []
    const f = createForwarder(async (b) => {
      await gate
      delivered.push(...b.messages.map((m) => m.seq))
    }, 'p', { maxQueued: 3, wait: noWait })
    f.push(msg(0))
    await Promise.resolve()
    await Promise.resolve()
    for (let i = 1; i <= 5; i++) f.push(msg(i))
    release()
    await f.idle()
    expect(delivered).toEqual([0, 3, 4, 5])
    expect(f.lost).toBe(2)

    const bytes = JSON.stringify(msg(0)).length
    const small = createForwarder(async () => {}, 'p', { maxQueuedBytes: bytes * 2, wait: noWait })
    for (let i = 0; i < 5; i++) small.push(msg(i))
    expect(small.lost).toBe(3)
  })

  it('takes a burst of 10,000 without losing any', async () => {
    let got = 0
    const f = createForwarder(async (b) => void (got += b.messages.length), 'p', { wait: noWait })
    for (let i = 0; i < 10_000; i++) f.push(msg(i))
    await f.idle()
    expect(got).toBe(10_000)
    expect(f.lost).toBe(0)
  })
})
