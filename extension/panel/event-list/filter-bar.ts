/** The event list's filter controls; they only write to the FilterStore. */
import type { FilterStore, OutcomeFilter } from '../stores/filter-store'
import type { ListModel } from '../stores/list-model'
import { h } from '../ui/dom'

const OUTCOMES: Array<[OutcomeFilter, string]> = [
  ['', 'Any outcome'],
  ['delivered', 'Delivered'],
  ['blocked', 'Blocked'],
  ['failed', 'Failed'],
  ['not-loaded', 'Not loaded'],
  ['dropped', 'Dropped event'],
  ['predicted', 'Predicted (no plugin)'],
]

function fillSelect(select: HTMLSelectElement, anyLabel: string, values: string[]): void {
  const current = select.value
  select.replaceChildren(h('option', { value: '' }, anyLabel), ...values.map((v) => h('option', { value: v }, v)))
  select.value = values.includes(current) ? current : ''
}

export function createFilterBar(filter: FilterStore, model: ListModel): { element: HTMLElement; update(): void } {
  const type = h('select', { 'aria-label': 'Filter by type' })
  const destination = h('select', { 'aria-label': 'Filter by destination' })
  const outcome = h('select', { 'aria-label': 'Filter by outcome' }, ...OUTCOMES.map(([v, label]) => h('option', { value: v }, label)))
  const search = h('input', { type: 'search', placeholder: 'Search name, type, messageId, destination', 'aria-label': 'Search events' })
  const count = h('span', { class: 'count', role: 'status' })
  fillSelect(type, 'Any type', [])
  fillSelect(destination, 'Any destination', [])

  type.addEventListener('change', () => filter.set({ type: type.value }))
  destination.addEventListener('change', () => filter.set({ destination: destination.value }))
  outcome.addEventListener('change', () => filter.set({ outcome: outcome.value as OutcomeFilter }))
  search.addEventListener('input', () => filter.set({ text: search.value }))

  let lastTypes = ''
  let lastDestinations = ''
  return {
    element: h('div', { class: 'filters', role: 'search', 'aria-label': 'Event filters' }, type, destination, outcome, search, count),
    update() {
      const { types, destinations } = model.options()
      // Rebuild a menu only when its values changed: a flood must not churn the DOM.
      if (types.join('\n') !== lastTypes) {
        fillSelect(type, 'Any type', types)
        lastTypes = types.join('\n')
      }
      if (destinations.join('\n') !== lastDestinations) {
        fillSelect(destination, 'Any destination', destinations)
        lastDestinations = destinations.join('\n')
      }
      const shown = model.rows().length
      const total = model.index.rows.filter((r) => !model.index.isHidden(r)).length
      count.textContent = shown === total ? `${total} events` : `${shown} of ${total} events`
    },
  }
}
