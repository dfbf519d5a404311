import { describe, expect, it } from 'vitest'
import { expandScenarios, parseScenarioList, scenarioName } from './scenario-spec'

describe(expandScenarios, () => {
  it('expands "each" into one scenario per category, skipping those always on, without duplicates', () => {
    const specs = parseScenarioList('reject-all,accept-all,each,gpc,only:C0002')
    expect(expandScenarios(specs, ['C0001', 'C0002', 'C0004'], ['C0001']).map((s) => [s.name, s.gpc])).toEqual([
      ['reject-all', false],
      ['accept-all', false],
      ['only:C0002', false],
      ['only:C0004', false],
      ['gpc', true],
    ])
  })

  it('names scenarios stably', () => {
    expect(scenarioName({ kind: 'only', categories: ['a', 'b'] }, false)).toBe('only:a+b')
    expect(scenarioName({ kind: 'accept-all' }, true)).toBe('gpc')
    expect(scenarioName({ kind: 'reject-all' }, true)).toBe('gpc+reject-all')
  })
})
