import { describe, expect, it } from 'vitest'
import { createMessage, type Diagnostic } from '../../shared/protocol/protocol'
import type { ContextLike } from '../analytics-slice'
import type { Routing } from '../enforcement/routing-table'
import { STALL_MS } from './delivery-accounting'
import { createRuntime } from './diagnostics-runtime'
import type { RawEntry } from './raw-entry'

const routing: Routing = { state: { status: 'decided', categories: {}, source: 'test' }, decisions: [], preferences: {}, blocked: [], segmentAllowed: true }
const ctx = (id: string): ContextLike => ({ id, event: { type: 'track', event: id, messageId: id }, cancel: () => { throw new Error('no') }, logs: () => [] })

function runtime() {
  const seen: Diagnostic[] = []
  const rt = createRuntime({ win: undefined, listeners: new Set([(d) => void seen.push(d)]), sid: 'sid', registered: () => undefined, createMessage })
  return { rt, seen }
}

describe(createRuntime, () => {
  it('pairs each expectation with its delivery into one event message, numbered after the probe', () => {
    const { rt, seen } = runtime()
    const now = Date.now()
    const entries: RawEntry[] = [
      { kind: 'expect', time: now, ctx: ctx('a'), routing, exempt: false },
      { kind: 'hold', time: now, body: { action: 'released', held: 0 } },
      { kind: 'delivered', time: now, ctx: ctx('stranger') }, // not ours: no message
      { kind: 'delivered', time: now, ctx: ctx('a') },
    ]
    rt.replay(entries, now)
    expect(seen.map((d) => [d.kind, d.seq])).toEqual([['probe', 0], ['hold', 1], ['event', 2]])
    expect(seen[2]).toMatchObject({ kind: 'event', messageId: 'a', name: 'a' })
    rt.take({ kind: 'expect', time: now, ctx: ctx('b'), routing, exempt: false })
    rt.take({ kind: 'failed', time: now, ctx: ctx('b'), error: { reason: 'a before plugin said no' } })
    expect(seen[3]).toMatchObject({ seq: 3, messageId: 'b', dropped: 'cancelled by another plugin: a before plugin said no' })
    rt.stop()
  })

  it('builds only the newest 1,000 messages of a long replay, keeping every number', () => {
    const { rt, seen } = runtime()
    const now = Date.now()
    const entries: RawEntry[] = []
    for (let i = 0; i < 1200; i++) {
      entries.push({ kind: 'expect', time: now, ctx: ctx(`e${i}`), routing, exempt: false })
      entries.push({ kind: 'delivered', time: now, ctx: ctx(`e${i}`) })
    }
    rt.replay(entries)
    expect(seen).toHaveLength(1000)
    expect(seen[0]).toMatchObject({ seq: 200, messageId: 'e200' })
    expect(seen.at(-1)).toMatchObject({ seq: 1199, messageId: 'e1199' })
    rt.stop()
  })

  it('reports an event still unfinished after the stall time as soon as it replays, and only once', () => {
    const { rt, seen } = runtime()
    const long = Date.now() - STALL_MS - 1
    rt.replay([{ kind: 'expect', time: long, ctx: ctx('stuck'), routing, exempt: false }])
    expect(seen.map((d) => d.kind === 'event' && d.messageId)).toEqual(['stuck'])
    rt.take({ kind: 'delivered', time: Date.now(), ctx: ctx('stuck') })
    expect(seen).toHaveLength(1)
    rt.stop()
  })
})
