/** Fills one grid row of the event list from an EventRow (text only). */
import type { EventRow } from '../stores/event-row'
import { consentChips } from '../ui/consent-chips'
import { formatTime, h, replaceChildren } from '../ui/dom'

export const COLUMNS = ['Time', 'Type', 'Name', 'Consent', 'Delivered', 'Blocked'] as const

export function fillRow(el: HTMLElement, row: EventRow, index: number, active: boolean, selected: boolean): void {
  el.dataset.key = row.key
  el.setAttribute('aria-rowindex', String(index + 2))
  el.setAttribute('aria-selected', String(selected))
  el.tabIndex = active ? 0 : -1
  el.classList.toggle('selected', selected)
  el.classList.toggle('predicted', row.predicted)
  el.classList.toggle('dropped', row.dropped !== undefined)
  const name = h('span', { role: 'gridcell', class: 'c-name' }, row.name || (row.type === 'page' ? '(page)' : ''))
  if (row.predicted) name.append(h('span', { class: 'badge', title: 'No plugin: routing predicted from the consent object' }, 'predicted'))
  if (row.dropped !== undefined) name.append(h('span', { class: 'badge badge-bad' }, 'dropped'))
  replaceChildren(
    el,
    h('span', { role: 'gridcell', class: 'c-time' }, formatTime(row.time)),
    h('span', { role: 'gridcell', class: 'c-type' }, row.type),
    name,
    h('span', { role: 'gridcell', class: 'c-consent' }, consentChips(row.consent)),
    h('span', { role: 'gridcell', class: 'c-num', 'aria-label': `${row.delivered} delivered` }, String(row.delivered)),
    h('span', { role: 'gridcell', class: row.blocked > 0 ? 'c-num c-blocked' : 'c-num', 'aria-label': `${row.blocked} blocked` }, String(row.blocked)),
  )
}
