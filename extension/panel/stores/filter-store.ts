/** The event list's filter: type, destination, outcome and free text, all optional. */
import type { EventRow } from './event-row'
import { Listeners } from './listeners'

export type OutcomeFilter = '' | 'delivered' | 'blocked' | 'failed' | 'not-loaded' | 'dropped' | 'predicted'

export interface EventFilter {
  type: string
  destination: string
  outcome: OutcomeFilter
  text: string
}

export const EMPTY_FILTER: EventFilter = { type: '', destination: '', outcome: '', text: '' }

export class FilterStore {
  value: EventFilter = EMPTY_FILTER
  readonly changed = new Listeners()

  set(patch: Partial<EventFilter>): void {
    this.value = { ...this.value, ...patch }
    this.changed.emit()
  }
}

/**
 * Whether a row passes. With a destination chosen, the outcome filter looks
 * at that destination's outcome only ("blocked for Mixpanel").
 */
export function matchRow(row: EventRow, f: EventFilter, needle = f.text.trim().toLowerCase()): boolean {
  if (f.type && row.type !== f.type) return false
  if (needle && !row.haystack.includes(needle)) return false
  if (f.outcome === 'dropped') return row.dropped !== undefined && (!f.destination || row.decisions.some((d) => d.destination === f.destination))
  if (f.outcome === 'predicted') return row.predicted && (!f.destination || row.decisions.some((d) => d.destination === f.destination))
  if (f.destination) {
    const outcome = row.outcomes.find((o) => o.destination === f.destination)
    if (!outcome && !row.decisions.some((d) => d.destination === f.destination)) return false
    if (f.outcome) return outcome?.outcome === f.outcome
    return true
  }
  if (f.outcome) return row.outcomes.some((o) => o.outcome === f.outcome)
  return true
}
