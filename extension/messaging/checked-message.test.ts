import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_MESSAGE_BYTES } from '../../shared/protocol/limits'
import { parseUntrustedMessage } from '../../shared/protocol/parse-message'
import { createMessage } from '../../shared/protocol/protocol'
import { PluginSession } from '../test-support/diagnostics'
import { checkMessage, checkMessageText } from './checked-message'

const encoder = new TextEncoder()
const hold = (reason: string) => createMessage('s', 1, 'hold', { action: 'held', held: 1, reason }, 1000)

describe(checkMessage, () => {
  it('gives the shared validator’s verdict, with the JSON text, and exact bytes near the cap', () => {
    const event = new PluginSession('s').event('Checkout', { C0002: true })
    expect(checkMessage(event)).toEqual({ message: event, json: JSON.stringify(event), bytes: JSON.stringify(event).length })
    // Multi-byte text: exact bytes on request, else the text's length (what the relay's queue bounds need).
    const wide = hold('€'.repeat(4000))
    expect(checkMessage(wide, true)?.bytes).toBe(encoder.encode(JSON.stringify(wide)).length)
    expect(checkMessage(wide)?.bytes).toBe(JSON.stringify(wide).length)
    expect(checkMessageText(JSON.stringify(wide))?.bytes).toBe(encoder.encode(JSON.stringify(wide)).length)
    // Near the cap: 3 bytes per character puts it over, though its length is under.
    const overInBytes = createMessage('s', 2, 'inspector-event', { instance: 'a', messageId: 'm', type: 'track', consent: null, payload: Array.from({ length: 10 }, () => '€'.repeat(9_000)) })
    const text = JSON.stringify(overInBytes)
    expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES)
    expect(encoder.encode(text).length).toBeGreaterThan(MAX_MESSAGE_BYTES)
    expect(parseUntrustedMessage(overInBytes)).toBeUndefined()
    expect(checkMessage(overInBytes)).toBeUndefined()
    expect(checkMessageText(text)).toBeUndefined()
  })

  it('accepts and refuses exactly what parseUntrustedMessage does, as decoded data or as JSON text (fuzz)', () => {
    const base = new PluginSession('fuzz').event('E', { C0001: true })
    const mutated = fc.record({ key: fc.constantFrom(...Object.keys(base), 'extra'), value: fc.jsonValue() }).map(({ key, value }) => ({ ...base, [key]: value }))
    fc.assert(
      fc.property(fc.oneof(mutated, fc.jsonValue(), fc.constant(base)), (data) => {
        const expected = parseUntrustedMessage(data) !== undefined
        expect(checkMessage(data) !== undefined).toBe(expected)
        expect(checkMessageText(JSON.stringify(data))?.message).toEqual(expected ? data : undefined)
      }),
    )
  })

  it('never throws on hostile input, text or not', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), fc.string(), (data, text) => {
        expect(() => checkMessage(data)).not.toThrow()
        expect(checkMessageText(text)).toBeUndefined()
      }),
    )
    expect(checkMessageText('{"source":"consent-guard"')).toBeUndefined()
    expect(checkMessageText(`${JSON.stringify(hold('x'))} junk`)).toBeUndefined()
  })
})
