/** The routing decision per destination for one event, with its observed outcome. */
import type { EventRow } from '../stores/event-row'
import { h } from '../ui/dom'

export function routingTable(row: EventRow): HTMLTableElement {
  const outcomeOf = new Map(row.outcomes.map((o) => [o.destination, o]))
  const names = [...new Set([...row.decisions.map((d) => d.destination), ...row.outcomes.map((o) => o.destination)])]
  const body = h('tbody')
  for (const name of names) {
    const d = row.decisions.find((x) => x.destination === name)
    const o = outcomeOf.get(name)
    const outcome = o ? `${o.outcome}${o.ms !== undefined ? ` (${Math.round(o.ms)} ms)` : ''}${o.error ? `: ${o.error}` : ''}` : ''
    body.append(
      h(
        'tr',
        { class: d && !d.allowed ? 'blocked' : '' },
        h('th', { scope: 'row' }, name),
        h('td', {}, d?.mode ?? ''),
        h('td', {}, d ? d.categories.join(', ') || '(none)' : ''),
        h('td', {}, d ? (d.allowed ? 'allowed' : 'blocked') : ''),
        h('td', {}, d?.reason ?? ''),
        h('td', {}, d?.missing.join(', ') ?? ''),
        h('td', {}, row.predicted ? `${outcome} (predicted)` : outcome),
      ),
    )
  }
  return h(
    'table',
    { class: 'routing', 'aria-label': row.predicted ? 'Routing (predicted)' : 'Routing' },
    h('caption', {}, row.predicted ? 'Routing per destination (predicted by decideRouting: no plugin on this page)' : 'Routing per destination'),
    h('thead', {}, h('tr', {}, ...['Destination', 'Mode', 'Categories', 'Decision', 'Reason', 'Missing', 'Outcome'].map((c) => h('th', { scope: 'col' }, c)))),
    body,
  )
}
