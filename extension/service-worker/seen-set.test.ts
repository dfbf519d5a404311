import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addSeen, hasSeen, type SeenRanges } from './seen-set'

describe('seen ranges', () => {
  it('behaves like a set of seqs, stays sorted, disjoint and merged', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(300), { maxLength: 400 }), (seqs) => {
        const ranges: SeenRanges = []
        const model = new Set<number>()
        for (const seq of seqs) {
          expect(addSeen(ranges, seq)).toBe(!model.has(seq))
          model.add(seq)
        }
        for (let seq = 0; seq <= 301; seq++) expect(hasSeen(ranges, seq)).toBe(model.has(seq))
        for (let i = 0; i < ranges.length; i++) {
          expect(ranges[i][0]).toBeLessThanOrEqual(ranges[i][1])
          // Adjacent ranges would have been merged: a gap of at least one seq.
          if (i > 0) expect(ranges[i][0]).toBeGreaterThan(ranges[i - 1][1] + 1)
        }
      }),
    )
  })

  it('keeps a contiguous run as one range', () => {
    const ranges: SeenRanges = []
    for (let seq = 0; seq < 1000; seq++) addSeen(ranges, seq)
    expect(ranges).toEqual([[0, 999]])
  })
})
