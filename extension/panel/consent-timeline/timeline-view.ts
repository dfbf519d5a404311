/** The consent timeline: every change, its CMP, the before/after diff and GPC. */
import type { SessionStore } from '../stores/session-store'
import { consentChips } from '../ui/consent-chips'
import { formatTime, h, replaceChildren } from '../ui/dom'
import { consentChanges, type CategoryChange } from './consent-changes'

const word = (v: boolean | undefined) => (v === undefined ? 'absent' : v ? 'granted' : 'denied')

function diffList(diff: CategoryChange[], first: boolean): HTMLElement {
  if (diff.length === 0) return h('span', { class: 'muted' }, first ? 'initial state' : 'no category changed')
  return h('ul', { class: 'diff' }, ...diff.map((c) => h('li', { class: c.after ? 'diff-yes' : 'diff-no' }, `${c.category}: ${word(c.before)} → ${word(c.after)}`)))
}

export function createTimelineView(session: SessionStore): { element: HTMLElement; render(): void } {
  const body = h('tbody')
  const empty = h('p', { class: 'empty' }, 'No consent messages yet (they come from the Consent Guard plugin).')
  const table = h(
    'table',
    { class: 'timeline', 'aria-label': 'Consent timeline' },
    h('thead', {}, h('tr', {}, ...['Time', 'CMP', 'Status', 'Changes', 'GPC', 'Stamped preferences'].map((c) => h('th', { scope: 'col' }, c)))),
    body,
  )
  return {
    element: h('div', { class: 'timeline-view' }, empty, table),
    render() {
      const changes = consentChanges(session.messages())
      empty.hidden = changes.length > 0
      table.hidden = changes.length === 0
      replaceChildren(
        body,
        ...changes.map((c) =>
          h(
            'tr',
            {},
            h('td', {}, formatTime(c.time)),
            h('td', {}, c.cmp),
            h(
              'td',
              {},
              `${c.previous && c.statusChanged ? `${c.previous.status} → ` : ''}${c.state.status}`,
              c.state.model ? `, ${c.state.model}` : '',
              c.state.explicit ? ', explicit' : '',
              c.error ? h('div', { class: 'error' }, `CMP problem: ${c.error}`) : null,
            ),
            h('td', {}, diffList(c.diff, c.previous === undefined)),
            h('td', {}, c.gpc ? 'on' : 'off'),
            h('td', {}, consentChips(c.preferences)),
          ),
        ),
      )
    },
  }
}
