/**
 * The filtered list the event list view renders: recomputed lazily (one
 * linear pass over plain fields, cheap for 10,000 rows), plus the distinct
 * types and destinations for the filter menus.
 */
import type { EventIndex } from './event-index'
import type { EventRow } from './event-row'
import { matchRow, type FilterStore } from './filter-store'
import { Listeners } from './listeners'

export class ListModel {
  readonly changed = new Listeners()
  private cache: EventRow[] | undefined
  private types = new Set<string>()
  private destinations = new Set<string>()
  private scanned = 0
  private scannedRows: EventRow[] | undefined

  constructor(
    readonly index: EventIndex,
    readonly filter: FilterStore,
  ) {
    const invalidate = () => {
      this.cache = undefined
      this.changed.emit()
    }
    index.changed.add(invalidate)
    filter.changed.add(invalidate)
  }

  rows(): EventRow[] {
    if (!this.cache) {
      const f = this.filter.value
      const needle = f.text.trim().toLowerCase()
      this.cache = this.index.rows.filter((row) => !this.index.isHidden(row) && matchRow(row, f, needle))
    }
    return this.cache
  }

  /** Distinct event types and destinations seen so far, sorted, for the filter menus. */
  options(): { types: string[]; destinations: string[] } {
    const rows = this.index.rows
    if (rows !== this.scannedRows) {
      // The index was rebuilt (clear, import, navigation): start over.
      this.scannedRows = rows
      this.types.clear()
      this.destinations.clear()
      this.scanned = 0
    }
    for (; this.scanned < rows.length; this.scanned++) {
      const row = rows[this.scanned]
      this.types.add(row.type)
      for (const d of row.decisions) this.destinations.add(d.destination)
      for (const o of row.outcomes) this.destinations.add(o.destination)
    }
    return { types: [...this.types].sort(), destinations: [...this.destinations].sort() }
  }
}
