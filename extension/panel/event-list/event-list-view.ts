/**
 * The event list: a virtualised ARIA grid. Only the rows in view (plus a
 * small margin) exist in the DOM, so 10,000 events cost the same to render
 * as 40. Rows are focusable; arrow keys move, Enter opens the detail.
 */
import type { EventRow } from '../stores/event-row'
import type { ListModel } from '../stores/list-model'
import type { SelectionStore } from '../stores/selection-store'
import { h } from '../ui/dom'
import { COLUMNS, fillRow } from './event-row-view'

export const ROW_HEIGHT = 26
const OVERSCAN = 8
/** Used when layout is unknown (hidden panel, or a DOM without layout). */
const FALLBACK_HEIGHT = 640

export interface EventListView {
  element: HTMLElement
  render(): void
}

export function createEventList(model: ListModel, selection: SelectionStore): EventListView {
  const spacer = h('div', { class: 'spacer' })
  const viewport = h('div', { class: 'viewport', role: 'rowgroup', tabindex: -1, 'aria-label': 'Event rows' }, spacer)
  const header = h('div', { role: 'row', class: 'row header', 'aria-rowindex': 1 }, ...COLUMNS.map((c) => h('span', { role: 'columnheader' }, c)))
  const grid = h('div', { role: 'grid', class: 'grid', 'aria-label': 'Events', 'aria-rowcount': 1 }, h('div', { role: 'rowgroup' }, header), viewport)
  const empty = h('p', { class: 'empty', hidden: true }, 'No events yet. Load a page that uses analytics-next (with or without the Consent Guard plugin).')
  const pool: HTMLElement[] = []
  /**
   * What each pooled element shows. Rows are immutable once built, so an
   * element whose row, position and state are unchanged is left alone: during
   * a flood the rows in view stay the same while the list grows below them,
   * and rebuilding them every frame was most of the panel's layout work.
   */
  const shown = new WeakMap<HTMLElement, { row: EventRow; index: number; active: boolean; selected: boolean }>()
  let activeKey: string | undefined

  function indexOf(key: string | undefined): number {
    return key === undefined ? -1 : model.rows().findIndex((r) => r.key === key)
  }

  function render(): void {
    const rows = model.rows()
    grid.setAttribute('aria-rowcount', String(rows.length + 1))
    empty.hidden = model.index.rows.length > 0
    spacer.style.height = `${rows.length * ROW_HEIGHT}px`
    const height = viewport.clientHeight || FALLBACK_HEIGHT
    const first = Math.max(0, Math.floor(viewport.scrollTop / ROW_HEIGHT) - OVERSCAN)
    const last = Math.min(rows.length, Math.ceil((viewport.scrollTop + height) / ROW_HEIGHT) + OVERSCAN)
    if (activeKey === undefined || indexOf(activeKey) < 0) activeKey = rows[0]?.key
    const hadFocus = spacer.contains(document.activeElement)
    for (let i = first, j = 0; i < last; i++, j++) {
      let el = pool[j]
      if (!el) {
        el = h('div', { role: 'row', class: 'row' })
        pool.push(el)
        spacer.append(el)
      }
      const row = rows[i]
      const active = row.key === activeKey
      const selected = row.key === selection.key
      const was = shown.get(el)
      if (was && was.row === row && was.index === i && was.active === active && was.selected === selected) continue
      el.style.transform = `translateY(${i * ROW_HEIGHT}px)`
      fillRow(el, row, i, active, selected)
      shown.set(el, { row, index: i, active, selected })
    }
    for (const el of pool.splice(Math.max(0, last - first))) el.remove()
    if (hadFocus) focusActive()
  }

  function focusActive(): void {
    const el = pool.find((e) => e.dataset.key === activeKey)
    ;(el ?? viewport).focus({ preventScroll: true })
  }

  function moveTo(index: number): void {
    const rows = model.rows()
    if (rows.length === 0) return
    const i = Math.max(0, Math.min(rows.length - 1, index))
    activeKey = rows[i].key
    const height = viewport.clientHeight || FALLBACK_HEIGHT
    if (i * ROW_HEIGHT < viewport.scrollTop) viewport.scrollTop = i * ROW_HEIGHT
    else if ((i + 1) * ROW_HEIGHT > viewport.scrollTop + height) viewport.scrollTop = (i + 1) * ROW_HEIGHT - height
    render()
    focusActive()
  }

  viewport.addEventListener('scroll', () => render())
  viewport.addEventListener('keydown', (e) => {
    const page = Math.max(1, Math.floor((viewport.clientHeight || FALLBACK_HEIGHT) / ROW_HEIGHT) - 1)
    const at = Math.max(0, indexOf(activeKey))
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: Number.MAX_SAFE_INTEGER }
    if (e.key in moves) {
      e.preventDefault()
      moveTo(moves[e.key])
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      if (activeKey !== undefined) selection.select(activeKey)
    } else if (e.key === 'Escape') {
      selection.select(undefined)
    }
  })
  spacer.addEventListener('click', (e) => {
    const el = (e.target as Element).closest<HTMLElement>('[role="row"]')
    const key = el?.dataset.key
    if (!key) return
    activeKey = key
    selection.select(key)
    el.focus({ preventScroll: true })
  })

  return { element: h('div', { class: 'event-list' }, grid, empty), render }
}
