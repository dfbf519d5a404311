/** The detail of the selected event: consent in force, routing, payload. */
import type { EventIndex } from '../stores/event-index'
import type { EventRow } from '../stores/event-row'
import type { SelectionStore } from '../stores/selection-store'
import { consentChips } from '../ui/consent-chips'
import { formatTime, h, replaceChildren } from '../ui/dom'
import type { WhatIfView } from '../what-if/what-if-view'
import { payloadTree } from './payload-tree'
import { routingTable } from './routing-table'

function facts(pairs: Array<[string, string | undefined]>): HTMLElement {
  const dl = h('dl', { class: 'facts' })
  for (const [k, v] of pairs) if (v !== undefined && v !== '') dl.append(h('dt', {}, k), h('dd', {}, v))
  return dl
}

function consentSection(row: EventRow): HTMLElement {
  const c = row.consentInForce
  const state = c?.state
  return h(
    'section',
    { 'aria-label': 'Consent in force' },
    h('h3', {}, 'Consent in force'),
    consentChips(row.consent),
    facts([
      ['Status', row.status],
      ['CMP', c?.cmp],
      ['Model', state?.model],
      ['Explicit choice', state?.explicit === undefined ? undefined : state.explicit ? 'yes' : 'no'],
      ['GPC', state?.gpc === undefined ? undefined : state.gpc ? 'on' : 'off'],
    ]),
  )
}

export function createEventDetail(index: EventIndex, selection: SelectionStore, whatIf?: WhatIfView): { element: HTMLElement; render(): void } {
  const element = h('section', { class: 'detail', role: 'region', 'aria-label': 'Event detail', hidden: true })
  // Rows never change once built: rebuild only for another row, so the what-if controls keep focus.
  let shown: EventRow | undefined

  function render(): void {
    const row = selection.key === undefined ? undefined : index.byKey.get(selection.key)
    element.hidden = !row
    if (row && row === shown) return whatIf?.render(row)
    shown = row
    if (!row) return element.replaceChildren()
    const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close detail' }, '×')
    close.addEventListener('click', () => selection.select(undefined))
    const payload = row.message.payload
    replaceChildren(
      element,
      h('header', {}, h('h2', {}, `${row.type} ${row.name}`.trim()), close),
      facts([
        ['Time', formatTime(row.time)],
        ['messageId', row.messageId],
        ['Source', row.predicted ? 'Segment inspector hook (no plugin): routing predicted' : 'Consent Guard plugin'],
        ['Dropped', row.dropped],
        ['Truncated', row.message.truncated ? 'yes: the message was cut to fit the size cap' : undefined],
      ]),
      consentSection(row),
      h('section', { 'aria-label': 'Routing' }, h('h3', {}, row.predicted ? 'Routing (predicted)' : 'Routing'), routingTable(row)),
      whatIf?.element,
      h(
        'section',
        { 'aria-label': 'Payload' },
        h('h3', {}, 'Payload'),
        payload === undefined ? h('p', {}, 'No payload in this message.') : h('div', { role: 'tree', 'aria-label': 'Payload tree' }, payloadTree(payload)),
      ),
      payload === undefined
        ? null
        : h('section', { 'aria-label': 'As sent to Segment' }, h('h3', {}, 'As sent to Segment'), h('pre', { class: 'raw' }, JSON.stringify(payload, null, 2))),
    )
    whatIf?.render(row)
  }

  return { element, render }
}
