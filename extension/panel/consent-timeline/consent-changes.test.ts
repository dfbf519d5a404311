import { describe, expect, it } from 'vitest'
import { PluginSession } from '../../test-support/diagnostics'
import { consentChanges, diffCategories } from './consent-changes'

describe(consentChanges, () => {
  it('diffs each change against the previous state of the same instance', () => {
    const p = new PluginSession()
    const other = new PluginSession('other')
    const changes = consentChanges([
      p.consent({ C0002: false, C0004: false }),
      other.consent({ C0002: true }),
      p.consent({ C0002: true, C0004: false }),
      p.consent({ C0002: true, C0005: true }, { C0002: false }, true),
    ])
    expect(changes.map((c) => c.diff)).toEqual([
      [
        { category: 'C0002', before: undefined, after: false },
        { category: 'C0004', before: undefined, after: false },
      ],
      [{ category: 'C0002', before: undefined, after: true }],
      [{ category: 'C0002', before: false, after: true }],
      // An explicit `previous` wins over the last state seen.
      [
        { category: 'C0002', before: false, after: true },
        { category: 'C0005', before: undefined, after: true },
      ],
    ])
    expect(changes.map((c) => c.gpc)).toEqual([false, false, false, true])
    expect(changes[0].cmp).toBe('onetrust')
  })

  it('reports no change for equal maps, whatever the key order', () => {
    expect(diffCategories({ a: true, b: false }, { b: false, a: true })).toEqual([])
  })
})
