import { describe, expect, it } from 'vitest'
import { decideRouting } from './decide-routing'
describe(decideRouting, () => {
  it('smoke', () => {
    const d = decideRouting({ integrations: { 'Segment.io': {}, A: { type: 'browser', consentSettings: { categories: ['C2'] } } } }, { status: 'decided', categories: { C2: true }, source: 't' })
    expect(d.map((x) => x.allowed)).toEqual([true, true])
  })
})
