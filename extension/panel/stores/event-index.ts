/**
 * The event rows derived from the session, kept up to date incrementally.
 * Which predicted (inspector-hook) rows are hidden because the plugin speaks
 * for them is the shared session index's rule (shared/session), the same
 * one the network check and the audit apply.
 */
import type { DiagnosticOf } from '../../../shared/protocol/protocol'
import { Listeners } from './listeners'
import { pluginRow, predictedRow, type EventRow } from './event-row'
import { isCurrentVersion } from '../../../shared/protocol/protocol-version'
import { SessionIndex } from '../../../shared/session/session-index'
import { messageKey, type SessionStore } from './session-store'

export class EventIndex {
  rows: EventRow[] = []
  readonly byKey = new Map<string, EventRow>()
  /**
   * Bumped whenever a row already in `rows` may have become hidden (a
   * predicted row matched by the plugin's event): until then, rows are only
   * ever appended, and a filtered list can be extended instead of rebuilt.
   */
  hiddenRevision = 0
  readonly changed = new Listeners()
  private coverage = new SessionIndex()
  private consentBySid = new Map<string, DiagnosticOf<'consent'>>()

  constructor(private readonly session: SessionStore) {
    session.changes.add((change) => {
      if (change.type === 'reset') this.rebuild()
      else this.ingest(change.from)
      this.changed.emit()
    })
    this.rebuild()
  }

  /** Rows to show: hidden predicted rows taken out. */
  isHidden(row: EventRow): boolean {
    return row.predicted && this.coverage.covers(row.messageId, row.instance!)
  }

  private rebuild(): void {
    this.rows = []
    this.byKey.clear()
    this.coverage = new SessionIndex()
    this.consentBySid.clear()
    this.ingest(0)
  }

  private ingest(from: number): void {
    const entries = this.session.entries
    for (let i = from; i < entries.length; i++) {
      const entry = entries[i]
      if (entry.type !== 'message') continue
      const m = entry.message
      if (!isCurrentVersion(m)) continue
      const revision = this.coverage.coverageRevision
      this.coverage.add(m)
      if (this.coverage.coverageRevision !== revision) this.hiddenRevision++
      switch (m.kind) {
        case 'consent':
          this.consentBySid.set(m.sid, m)
          break
        case 'event':
          this.push(pluginRow(messageKey(m), m, this.consentBySid.get(m.sid)))
          break
        case 'inspector-event':
          this.push(predictedRow(messageKey(m), m, this.coverage.predicted(m)))
          break
      }
    }
  }

  private push(row: EventRow): void {
    this.rows.push(row)
    this.byKey.set(row.key, row)
  }
}
