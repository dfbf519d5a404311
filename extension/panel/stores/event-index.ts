/**
 * The event rows derived from the session, kept up to date incrementally.
 *
 * Dedupe rule for the inspector hook (it cannot know which instance carries
 * the plugin): a predicted row is hidden when the plugin reported an event
 * with the same messageId, and so is every row of an inspector instance once
 * any of its events matched one - that instance is the plugin's, so the
 * plugin's own messages speak for it.
 */
import type { DiagnosticOf } from '../../../shared/protocol/protocol'
import { Listeners } from './listeners'
import { pluginRow, predictedRow, type EventRow } from './event-row'
import { predictRouting } from '../../../shared/routing/predict-routing'
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
  private pluginIds = new Set<string>()
  private linked = new Set<string>()
  private instanceOf = new Map<string, string>()
  private consentBySid = new Map<string, DiagnosticOf<'consent'>>()
  private settingsByInstance = new Map<string, DiagnosticOf<'inspector-settings'>>()

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
    return row.predicted && (this.pluginIds.has(row.messageId) || this.linked.has(row.instance!))
  }

  private rebuild(): void {
    this.rows = []
    this.byKey.clear()
    this.pluginIds.clear()
    this.linked.clear()
    this.instanceOf.clear()
    this.consentBySid.clear()
    this.settingsByInstance.clear()
    this.ingest(0)
  }

  private ingest(from: number): void {
    const entries = this.session.entries
    for (let i = from; i < entries.length; i++) {
      const entry = entries[i]
      if (entry.type !== 'message') continue
      const m = entry.message
      switch (m.kind) {
        case 'consent':
          this.consentBySid.set(m.sid, m)
          break
        case 'inspector-settings':
          this.settingsByInstance.set(`${m.sid}\u0000${m.instance}`, m)
          break
        case 'event': {
          this.push(pluginRow(messageKey(m), m, this.consentBySid.get(m.sid)))
          this.pluginIds.add(m.messageId)
          const instance = this.instanceOf.get(m.messageId)
          if (instance) {
            this.linked.add(instance)
            this.hiddenRevision++
          }
          break
        }
        case 'inspector-event': {
          const instance = `${m.sid}\u0000${m.instance}`
          const settings = this.settingsByInstance.get(instance)
          this.push(predictedRow(messageKey(m), m, predictRouting(settings, m.consent)))
          this.instanceOf.set(m.messageId, instance)
          if (this.pluginIds.has(m.messageId) && !this.linked.has(instance)) {
            this.linked.add(instance)
            this.hiddenRevision++
          }
          break
        }
      }
    }
  }

  private push(row: EventRow): void {
    this.rows.push(row)
    this.byKey.set(row.key, row)
  }
}
