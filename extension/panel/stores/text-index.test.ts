import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EventRow } from './event-row'
import { TextIndex } from './text-index'

const rowsOf = (haystacks: string[]) => haystacks.map((haystack) => ({ haystack }) as EventRow)
const naive = (haystacks: string[], needle: string, from: number) =>
  haystacks.flatMap((h, i) => (i >= from && h.includes(needle) ? [i] : []))

describe(TextIndex, () => {
  it('finds exactly the rows whose haystack contains the needle, each once, in order', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '\n', ' ') })
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), fc.string({ unit: fc.constantFrom('a', 'b', '\n'), minLength: 1, maxLength: 3 }), fc.nat(45), (haystacks, needle, from) => {
        expect(new TextIndex().find(rowsOf(haystacks), needle, from)).toEqual(naive(haystacks, needle, from))
      }),
    )
  })

  it('follows a list as rows are appended, and starts over for a new list', () => {
    const index = new TextIndex()
    const rows = rowsOf(['flood 1', 'flood 2'])
    expect(index.find(rows, 'flood')).toEqual([0, 1])
    rows.push(...rowsOf(['other', 'flood 3']))
    expect(index.find(rows, 'flood')).toEqual([0, 1, 3])
    expect(index.find(rowsOf(['x flood']), 'flood')).toEqual([0])
  })
})
