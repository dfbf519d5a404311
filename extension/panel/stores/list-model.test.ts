import { describe, expect, it } from 'vitest'
import { asEntries } from '../../test-support/diagnostics'
import { panelStores } from '../../test-support/panel-stores'
import type { EventIndex } from './event-index'
import { matchRow, type FilterStore } from './filter-store'
import { ListModel } from './list-model'

/** A session large enough for the joined-text search, with inspector rows the plugin later claims. */
function large() {
  const { store, index, filter, model, p, i } = panelStores()
  store.add(asEntries([i.settings(), ...Array.from({ length: 1500 }, (_, n) => i.event(`Seen ${n}`, { C0002: true, C0004: false }, `m-${n}`))]))
  store.add(asEntries(Array.from({ length: 1500 }, (_, n) => p.event(`Order ${n}`, { C0002: n % 2 === 0, C0004: false }, n < 10 ? `m-${n}` : undefined))))
  return { store, index, filter, model, p }
}

const expected = (model: ListModel, index: EventIndex, filter: FilterStore) =>
  index.rows.filter((r) => !index.isHidden(r) && matchRow(r, filter.value)).map((r) => r.key)

describe(ListModel, () => {
  it('lists what a row-by-row filter lists, through the joined-text search, as the session grows and the filter changes', () => {
    const { store, index, filter, model, p } = large()
    for (const text of ['order 1', 'seen 1', 'ORDER', 'order 14', '']) {
      filter.set({ text })
      expect(model.rows().map((r) => r.key)).toEqual(expected(model, index, filter))
    }
    filter.set({ text: 'order 1', outcome: 'blocked', destination: 'Google Analytics 4 Web' })
    expect(model.rows().map((r) => r.key)).toEqual(expected(model, index, filter))
    store.add(asEntries(Array.from({ length: 2500 }, (_, n) => p.event(`Order ${n + 1500}`, { C0002: false, C0004: false }))))
    expect(model.rows().map((r) => r.key)).toEqual(expected(model, index, filter))
    expect(model.rows().length).toBeGreaterThan(0)
  })
})
