/**
 * The on-demand half of diagnostics (a separate chunk): numbers each record,
 * pairs each event's expectation with its delivery, builds each record into
 * a protocol message, fits it to the validator's limits (shape and
 * MAX_MESSAGE_BYTES, with the shared `fitMessage`, so nothing it posts is
 * refused by the debugger), keeps the replay
 * backlog bounded by bytes too, posts to the page's window once live, and
 * hands messages to `onDiagnostic` listeners.
 */
import { BACKLOG_MAX_BYTES, BACKLOG_MAX_MESSAGES } from '../../shared/protocol/limits'
import type { createMessage, Diagnostic, MessageKind } from '../../shared/protocol/protocol'
import type { PluginLike } from '../analytics-slice'
import { Backlog } from './backlog'
import { fitMessage } from '../../shared/protocol/fit-message'
import { accountDeliveries } from './delivery-accounting'
import { builders } from './message-builders'
import type { Body, RawEntry } from './raw-entry'

export interface RuntimeSetup {
  win: Window | undefined
  listeners: Set<(d: Diagnostic) => void>
  sid: string
  registered: (name: string) => PluginLike | undefined
  /**
   * The protocol's envelope builder, handed over by the recorder (which
   * probes with it) rather than imported: a module both halves import would
   * become a chunk of its own, downloaded up front.
   */
  createMessage: typeof createMessage
}

export interface DiagnosticsRuntime {
  take(entry: RawEntry): void
  /**
   * What the recorder kept before this chunk arrived, oldest first, after the
   * probe if one was posted at `probeTime` (it keeps seq 0): only the newest
   * BACKLOG_MAX_MESSAGES messages are built.
   */
  replay(entries: RawEntry[], probeTime?: number): void
  /** Start posting: replay the backlog, then post every new message. */
  goLive(): void
  stop(): void
}

/** How many messages the entries make: records, and deliveries whose expectation is among them. */
function countMessages(entries: RawEntry[]): number {
  const expected = new Set<string>()
  let count = 0
  for (const e of entries) {
    if (e.kind === 'expect') expected.add(e.ctx.id)
    else if (e.kind !== 'delivered' && e.kind !== 'failed') count++
    else if (expected.delete(e.ctx.id)) count++
  }
  return count
}

export function createRuntime({ win, listeners, sid, registered, createMessage }: RuntimeSetup): DiagnosticsRuntime {
  const backlog = new Backlog(BACKLOG_MAX_MESSAGES, BACKLOG_MAX_BYTES)
  let seq = 0
  let skip = 0
  let live = false
  const post = (text: string) => {
    try {
      win?.postMessage(JSON.parse(text), win.location.origin)
    } catch {
      // An opaque origin cannot be targeted: stay silent.
    }
  }
  const emit = (kind: MessageKind, time: number, body: Body<MessageKind>) => {
    const number = seq++
    if (skip > 0) return void skip--
    let message: object
    try {
      message = createMessage(sid, number, kind, typeof body === 'function' ? body(builders) : body, time)
    } catch {
      return // a body that cannot be built (a hostile payload getter) is skipped, never thrown
    }
    const serialized = fitMessage(message as { kind: MessageKind })
    if (!serialized) return
    backlog.push(serialized)
    if (live) post(serialized.text)
    if (listeners.size === 0) return
    const copy = JSON.parse(serialized.text) as Diagnostic
    for (const listener of listeners) {
      try {
        listener(copy)
      } catch {
        // A failing listener must not break event delivery.
      }
    }
  }
  const accounting = accountDeliveries((body) => emit('event', Date.now(), body), registered)
  const take = (entry: RawEntry) => {
    if (entry.kind === 'expect') return accounting.expect(entry.ctx, entry.routing, entry.exempt, entry.time)
    if (entry.kind !== 'delivered' && entry.kind !== 'failed') return emit(entry.kind, entry.time, entry.body)
    const body = accounting.settle(entry.ctx, entry.kind === 'failed', entry.kind === 'failed' ? entry.error : undefined)
    if (body) emit('event', entry.time, body)
  }
  return {
    take,
    replay(entries, probeTime) {
      const all: RawEntry[] = probeTime === undefined ? entries : [{ kind: 'probe', time: probeTime, body: {} }, ...entries]
      skip = Math.max(0, countMessages(all) - BACKLOG_MAX_MESSAGES)
      for (const entry of all) take(entry)
      skip = 0
      accounting.sweep()
    },
    goLive() {
      if (live) return
      live = true
      for (const item of backlog.entries()) post(item.text)
    },
    stop: () => accounting.stop(),
  }
}
