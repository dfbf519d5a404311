import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asEntries } from '../../test-support/diagnostics'
import { panelStores } from '../../test-support/panel-stores'
import { EMPTY_FILTER, matchRow, type OutcomeFilter } from './filter-store'
import type { ListModel } from './list-model'

function setup() {
  const { store, index, filter, model, p, i } = panelStores()
  store.add(
    asEntries([
      p.event('Order Completed', { C0002: true, C0004: false }),
      p.event('Product Viewed', { C0002: false, C0004: true }),
      p.event('Signed Up', { C0002: true, C0004: true }),
      i.settings(),
      i.event('Page Seen', { C0002: true, C0004: false }),
    ]),
  )
  return { store, index, filter, model }
}

const names = (model: ListModel) => model.rows().map((r) => r.name)

describe(matchRow, () => {
  it('filters by text, type, destination and outcome (per destination when one is chosen)', () => {
    const { filter, model } = setup()
    expect(names(model)).toHaveLength(4)
    filter.set({ text: 'ORDER' })
    expect(names(model)).toEqual(['Order Completed'])
    filter.set({ text: '', destination: 'Facebook Pixel', outcome: 'blocked' })
    expect(names(model)).toEqual(['Order Completed'])
    filter.set({ destination: 'Google Analytics 4 Web', outcome: 'blocked' })
    expect(names(model)).toEqual(['Product Viewed'])
    filter.set({ destination: '', outcome: 'predicted' })
    expect(names(model)).toEqual(['Page Seen'])
    filter.set({ outcome: '', type: 'page' })
    expect(names(model)).toEqual([])
  })

  it('lists the types and destinations seen, for the menus', () => {
    const { model } = setup()
    expect(model.options()).toEqual({ types: ['track'], destinations: ['Facebook Pixel', 'Google Analytics 4 Web', 'Mixpanel', 'Segment.io'] })
  })

  it('narrows monotonically: adding any criterion never adds rows', () => {
    const { index } = setup()
    const rows = index.rows
    fc.assert(
      fc.property(
        fc.record({
          type: fc.constantFrom('', 'track', 'page'),
          destination: fc.constantFrom('', 'Segment.io', 'Facebook Pixel', 'Mixpanel', 'Nope'),
          outcome: fc.constantFrom<OutcomeFilter>('', 'delivered', 'blocked', 'failed', 'not-loaded', 'dropped', 'predicted'),
          text: fc.constantFrom('', 'o', 'order', 'pixel', 'zzz'),
        }),
        fc.constantFrom('type', 'destination', 'outcome', 'text'),
        (f, drop) => {
          const looser = { ...f, [drop]: '' }
          for (const row of rows) if (matchRow(row, f)) expect(matchRow(row, looser)).toBe(true)
          for (const row of rows) expect(matchRow(row, EMPTY_FILTER)).toBe(true)
        },
      ),
    )
  })

  it('keeps up with 10,000 events: every row indexed, filters exact', () => {
    const { store, filter, model, p } = panelStores()
    for (let batch = 0; batch < 20; batch++) {
      store.add(asEntries(Array.from({ length: 500 }, (_, k) => p.event(`Event ${batch * 500 + k}`, { C0002: k % 2 === 0 }))))
    }
    expect(model.rows()).toHaveLength(10_000)
    filter.set({ text: 'event 999' })
    expect(names(model).sort()).toEqual(['Event 999', 'Event 9990', 'Event 9991', 'Event 9992', 'Event 9993', 'Event 9994', 'Event 9995', 'Event 9996', 'Event 9997', 'Event 9998', 'Event 9999'])
    filter.set({ text: '', destination: 'Google Analytics 4 Web', outcome: 'delivered' })
    expect(model.rows()).toHaveLength(5_000)
  })
})
