/**
 * The messages the panel shows, in arrival order, deduped by (sid, seq) so a
 * snapshot re-sent after a worker restart, or a replayed backlog, never
 * shows twice. With "preserve log" off, a navigation starts a fresh view,
 * like DevTools' own panels.
 */
import type { SessionPage } from '../../../shared/protocol/session-file'
import type { Diagnostic } from '../../../shared/protocol/protocol'
import { isCurrentVersion, type PageMessage } from '../../../shared/protocol/protocol-version'
import type { BufferEntry } from '../../messaging/extension-messages'
import { Listeners } from './listeners'

export type SessionChange = { type: 'reset' } | { type: 'append'; from: number }

export const messageKey = (m: Pick<PageMessage, 'sid' | 'seq'>) => `${m.sid}\u0000${m.seq}`

export class SessionStore {
  /** Every entry shown, oldest first. Only appended to, or replaced as a whole. */
  entries: BufferEntry[] = []
  pages: SessionPage[] = []
  /** Messages the worker dropped for this tab (its bounds), as it last reported. */
  dropped = 0
  preserveLog = false
  readonly changes = new Listeners<[SessionChange]>()
  readonly meta = new Listeners()
  private keys = new Set<string>()

  add(incoming: BufferEntry[]): void {
    const { from, reset } = this.ingest(incoming, this.preserveLog)
    if (reset) this.changes.emit({ type: 'reset' })
    else if (this.entries.length > from) this.changes.emit({ type: 'append', from })
  }

  private ingest(incoming: BufferEntry[], preserve: boolean): { from: number; reset: boolean } {
    let from = this.entries.length
    let reset = false
    for (const entry of incoming) {
      const key = entry.type === 'navigation' ? `nav\u0000${entry.pageId}` : messageKey(entry.message)
      if (this.keys.has(key)) continue
      if (entry.type === 'navigation' && !preserve && this.entries.length > 0) {
        // Keep the dedupe keys: a replay of the old page must not come back.
        this.entries = []
        this.pages = []
        from = 0
        reset = true
      }
      this.keys.add(key)
      this.entries.push(entry)
      if (entry.type === 'navigation') this.pages.push({ url: entry.url, startedAt: entry.time })
    }
    return { from, reset }
  }

  /** Replaces everything (an imported session: every page in it is kept). */
  replace(entries: BufferEntry[], pages: SessionPage[], dropped = 0): void {
    this.entries = []
    this.keys = new Set()
    this.pages = []
    this.dropped = dropped
    this.ingest(entries, true)
    this.pages = pages
    this.changes.emit({ type: 'reset' })
    this.meta.emit()
  }

  clear(): void {
    this.entries = []
    this.pages = []
    this.dropped = 0
    this.changes.emit({ type: 'reset' })
    this.meta.emit()
  }

  setDropped(dropped: number): void {
    if (dropped === this.dropped) return
    this.dropped = dropped
    this.meta.emit()
  }

  setPreserveLog(on: boolean): void {
    this.preserveLog = on
    this.meta.emit()
  }

  /** Messages of this protocol version (what every view reads). */
  messages(): Diagnostic[] {
    return this.entries.flatMap((e) => (e.type === 'message' && isCurrentVersion(e.message) ? [e.message] : []))
  }

  /** Every message kept, another version's probe and hello included (what an export holds). */
  pageMessages(): PageMessage[] {
    return this.entries.flatMap((e) => (e.type === 'message' ? [e.message] : []))
  }
}
