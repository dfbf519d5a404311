import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { utf8Bytes } from './utf8-bytes'

const encoder = new TextEncoder()

describe(utf8Bytes, () => {
  it('counts exactly what TextEncoder encodes, for any text (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('grapheme', 'binary', 'binary-ascii') }), (text) => {
        expect(utf8Bytes(text)).toBe(encoder.encode(text).length)
      }),
    )
    for (const text of ['', 'a', 'é', '€', '😀', '\ud800', '\udc00x', 'a\ud83d']) expect(utf8Bytes(text)).toBe(encoder.encode(text).length)
  })
})
