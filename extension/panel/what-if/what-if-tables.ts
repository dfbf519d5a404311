/**
 * The what-if results as tables: per destination for one event (happened |
 * what if), or per destination for the whole session (delivered | would be
 * delivered). A changed row has the class `changed` and the text "changes",
 * so the difference is not carried by colour alone.
 */
import type { RoutingDecision } from '../../../shared/routing/types'
import { h } from '../ui/dom'
import type { DestinationWhatIf } from './session-what-if'
import type { WhatIfRow } from './what-if'

function header(columns: string[]): HTMLTableSectionElement {
  return h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c))))
}

function decisionCell(d: RoutingDecision | undefined): HTMLTableCellElement {
  if (!d) return h('td', { class: 'muted' }, 'not a destination here')
  return h(
    'td',
    {},
    // Verdict and reason stay on one line; the missing categories wrap after them.
    h('span', { class: 'decision' }, h('span', { class: d.allowed ? 'verdict verdict-yes' : 'verdict verdict-no' }, d.allowed ? 'allowed' : 'blocked'), ` · ${d.reason}`),
    d.missing.length > 0 ? h('span', { class: 'missing' }, ` · missing ${d.missing.join(', ')}`) : null,
  )
}

const marker = (changed: boolean, text = 'changes') => h('td', { class: 'change' }, changed ? text : '')

/** One event: what happened next to what would happen. */
export function eventWhatIfTable(rows: WhatIfRow[], predicted: boolean): HTMLTableElement {
  return h(
    'table',
    { class: 'what-if-table', 'aria-label': 'What if routing' },
    header(['Destination', 'Mode', predicted ? 'Happened (predicted)' : 'Happened', 'What if', 'Change']),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h('tr', { class: r.changed ? 'changed' : '' }, h('th', { scope: 'row' }, r.destination), h('td', {}, r.mode), decisionCell(r.happened), decisionCell(r.whatIf), marker(r.changed)),
      ),
    ),
  )
}

/** The whole session: per destination, events delivered then and under the hypothesis. */
export function sessionWhatIfTable(summary: DestinationWhatIf[]): HTMLTableElement {
  const num = (n: number) => h('td', { class: 'c-num' }, String(n))
  return h(
    'table',
    { class: 'what-if-table', 'aria-label': 'What if: whole session' },
    header(['Destination', 'Mode', 'Events', 'Delivered', 'Would be delivered', 'Change']),
    h(
      'tbody',
      {},
      ...summary.map((s) => {
        const diff = s.wouldDeliver - s.delivered
        return h(
          'tr',
          { class: diff !== 0 ? 'changed' : '' },
          h('th', { scope: 'row' }, s.destination),
          h('td', {}, s.mode),
          num(s.events),
          num(s.delivered),
          num(s.wouldDeliver),
          marker(diff !== 0, `changes (${diff > 0 ? '+' : '−'}${Math.abs(diff)})`),
        )
      }),
    ),
  )
}
