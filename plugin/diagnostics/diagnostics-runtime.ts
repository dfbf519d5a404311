/**
 * The on-demand half of diagnostics (a separate chunk): builds each record
 * into a protocol message, fits it to the validator's limits (shape and
 * MAX_MESSAGE_BYTES, with the shared `fitMessage`, so nothing it posts is
 * refused by the debugger), keeps the replay
 * backlog bounded by bytes too, posts to the page's window once live, and
 * hands messages to `onDiagnostic` listeners.
 */
import { BACKLOG_MAX_BYTES, BACKLOG_MAX_MESSAGES } from '../../shared/protocol/limits'
import { PLUGIN_SOURCE, PROTOCOL_VERSION, type Diagnostic, type MessageKind } from '../../shared/protocol/protocol'
import { Backlog } from './backlog'
import { fitMessage } from '../../shared/protocol/fit-message'
import { describeOptions, describeSettings } from './describe'
import { describeDelivered, describeDropped } from './event-report'

/** The message builders record bodies call; they live here, in the on-demand chunk. */
const builders = { describeDelivered, describeDropped, describeOptions, describeSettings }
export type Builders = typeof builders

export interface Entry {
  seq: number
  time: number
  kind: MessageKind
  body: object | ((build: Builders) => object)
}

export interface DiagnosticsRuntime {
  emit(entry: Entry): void
  /** Start posting: replay the backlog, then post every new message. */
  goLive(): void
}

export function createRuntime(win: Window | undefined, listeners: Set<(d: Diagnostic) => void>, sid?: string): DiagnosticsRuntime {
  const backlog = new Backlog(BACKLOG_MAX_MESSAGES, BACKLOG_MAX_BYTES)
  let live = false
  const post = (text: string) => {
    try {
      win?.postMessage(JSON.parse(text), win.location.origin)
    } catch {
      // An opaque origin cannot be targeted: stay silent.
    }
  }
  return {
    emit(entry) {
      let body: object
      try {
        body = typeof entry.body === 'function' ? entry.body(builders) : entry.body
      } catch {
        return // a body that cannot be built (a hostile payload getter) is skipped, never thrown
      }
      const message = { source: PLUGIN_SOURCE, v: PROTOCOL_VERSION, sid: sid ?? '', seq: entry.seq, time: entry.time, kind: entry.kind, ...body }
      const serialized = fitMessage(message)
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
    },
    goLive() {
      if (live) return
      live = true
      for (const item of backlog.entries()) post(item.text)
    },
  }
}
