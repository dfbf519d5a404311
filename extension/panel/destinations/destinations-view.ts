/** The destinations view: mode, categories, load state, counts and warnings. */
import type { EventIndex } from '../stores/event-index'
import type { SessionStore } from '../stores/session-store'
import { h, replaceChildren } from '../ui/dom'
import { summarizeDestinations, type DestinationSummary } from './destination-summary'

/** Where the code of a destination loaded on grant came from, and what applies to it; page data, so text only. */
function loadedOnGrant({ from, middleware, filters }: NonNullable<DestinationSummary['loadedOnGrant']>): HTMLElement {
  return h(
    'ul',
    { class: 'loaded-on-grant' },
    h('li', { 'data-detail': 'from' }, `from ${from ?? 'an unknown source'}`),
    h('li', { 'data-detail': 'middleware' }, middleware === 1 ? '1 destination middleware' : `${middleware} destination middleware`),
    h('li', { 'data-detail': 'filters' }, filters.length ? `Destination Filters: ${filters.join(', ')}` : 'no Destination Filters'),
  )
}

export function createDestinationsView(session: SessionStore, index: EventIndex): { element: HTMLElement; render(): void } {
  const body = h('tbody')
  const note = h('p', { class: 'note', hidden: true }, 'No plugin on this page: destinations and counts are predicted from the analytics-next settings and consent objects.')
  const empty = h('p', { class: 'empty' }, 'No settings seen yet.')
  const table = h(
    'table',
    { class: 'destinations', 'aria-label': 'Destinations' },
    h('thead', {}, h('tr', {}, ...['Destination', 'Mode', 'Categories', 'Code', 'Delivered', 'Blocked', 'Failed', 'Not loaded', 'Warnings'].map((c) => h('th', { scope: 'col' }, c)))),
    body,
  )
  return {
    element: h('div', { class: 'destinations-view' }, note, empty, table),
    render() {
      const rows = index.rows.filter((r) => !index.isHidden(r))
      const list = summarizeDestinations(session.messages(), rows)
      empty.hidden = list.length > 0
      table.hidden = list.length === 0
      note.hidden = !list.some((d) => d.predicted)
      replaceChildren(
        body,
        ...list.map((d) =>
          h(
            'tr',
            { class: d.warnings.length > 0 ? 'warn' : '' },
            h('th', { scope: 'row' }, d.destination, d.predicted ? h('span', { class: 'badge' }, 'predicted') : null, d.local ? h('span', { class: 'badge' }, 'local') : null),
            h('td', {}, d.mode),
            h('td', {}, d.categories.join(', ') || '(none)'),
            h('td', {}, d.load, d.loadedOnGrant ? loadedOnGrant(d.loadedOnGrant) : null),
            h('td', { class: 'c-num' }, String(d.counts.delivered)),
            h('td', { class: 'c-num' }, String(d.counts.blocked)),
            h('td', { class: 'c-num' }, String(d.counts.failed)),
            h('td', { class: 'c-num' }, String(d.counts.notLoaded)),
            h('td', {}, d.warnings.length === 0 ? '' : h('ul', { class: 'warnings' }, ...d.warnings.map((w) => h('li', { 'data-kind': w.kind }, `⚠ ${w.text}`)))),
          ),
        ),
      )
    },
  }
}
