/**
 * The filtered list the event list view renders: recomputed lazily (one
 * linear pass over plain fields), extended rather than recomputed while the
 * index only grows, plus the distinct types and destinations for the
 * filter menus.
 */
import type { EventIndex } from './event-index'
import type { EventRow } from './event-row'
import { matchRow, type EventFilter, type FilterStore } from './filter-store'
import { Listeners } from './listeners'
import { TextIndex } from './text-index'

/** Below this many rows to search, a plain pass is as quick as joining their text. */
const TEXT_INDEX_FROM = 2000

export class ListModel {
  readonly changed = new Listeners()
  private cache: EventRow[] | undefined
  /** What `cache` was computed from: the index's rows (and how many), its hidden revision, the filter. */
  private cachedFrom: { rows: EventRow[]; length: number; hiddenRevision: number; filter: EventFilter } | undefined
  private lastList: EventRow[] = []
  private readonly text = new TextIndex()
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
    if (this.cache) return this.cache
    const f = this.filter.value
    const needle = f.text.trim().toLowerCase()
    const rows = this.index.rows
    const from = this.cachedFrom
    const keep = (row: EventRow) => !this.index.isHidden(row) && matchRow(row, f, needle)
    // During a flood the index only grows: filter the new rows onto the last list instead of all of them again.
    const extendable = from && from.rows === rows && from.filter === f && from.hiddenRevision === this.index.hiddenRevision && from.length <= rows.length
    const list = extendable ? this.lastList : []
    const first = extendable ? from.length : 0
    if (TextIndex.searchable(needle) && rows.length - first > TEXT_INDEX_FROM) {
      // Many rows to search: one scan of the joined text finds the candidates; the other filters check only those.
      const rest = { ...f, text: '' }
      for (const i of this.text.find(rows, needle, first)) if (!this.index.isHidden(rows[i]) && matchRow(rows[i], rest, '')) list.push(rows[i])
    } else {
      for (let i = first; i < rows.length; i++) if (keep(rows[i])) list.push(rows[i])
    }
    this.lastList = list
    this.cachedFrom = { rows, length: rows.length, hiddenRevision: this.index.hiddenRevision, filter: f }
    return (this.cache = list)
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
