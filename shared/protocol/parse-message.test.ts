import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isEnvelope, parseMessage, parseUntrustedMessage } from './parse-message'
import { MAX_MESSAGE_BYTES } from './limits'
import { createMessage, MESSAGE_KINDS } from './protocol'
import { parseSessionFile, createSessionFile } from './session-file'

const event = () =>
  createMessage('abc', 3, 'event', {
    messageId: 'm1',
    type: 'track',
    name: '<img src=x onerror=alert(1)>',
    consent: { C0001: true },
    status: 'decided',
    decisions: [{ destination: 'Amp', mode: 'device', categories: ['C0001'], allowed: true, reason: 'consented', missing: [] }],
    outcomes: [{ destination: 'Amp', outcome: 'delivered' }],
    payload: { event: 'x', properties: { nested: [1, 'two', null] } },
  })

describe(parseMessage, () => {
  it('accepts what createMessage builds, for every kind it is given', () => {
    expect(parseMessage(event())).toBeDefined()
    expect(parseMessage(createMessage('s', 0, 'probe', {}))).toBeDefined()
    expect(parseMessage(createMessage('s', 1, 'hold', { action: 'held', held: 1, messageId: 'x' }))).toBeDefined()
  })

  it('drops unknown kinds, wrong versions, extra fields and hostile keys', () => {
    expect(parseMessage({ ...event(), kind: 'surprise' })).toBeUndefined()
    expect(parseMessage({ ...event(), v: 2 })).toBeUndefined()
    expect(parseMessage({ ...event(), source: 'someone-else' })).toBeUndefined()
    expect(parseMessage({ ...event(), extra: 1 })).toBeUndefined()
    expect(parseMessage({ ...event(), seq: -1 })).toBeUndefined()
    expect(parseMessage({ ...event(), consent: JSON.parse('{"__proto__": true}') })).toBeUndefined()
    expect(parseMessage({ ...event(), consent: { constructor: true } })).toBeUndefined()
    expect(parseMessage({ ...event(), consent: { A: 'yes' } })).toBeUndefined()
    expect(parseMessage({ ...event(), payload: JSON.parse('{"a":{"__proto__":{"polluted":1}}}') })).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses messages over the size cap', () => {
    const big = { ...event(), payload: { blob: 'x'.repeat(60_000), more: Array.from({ length: 10 }, () => 'y'.repeat(60_000)) } }
    expect(parseMessage(big)).toBeDefined()
    expect(parseUntrustedMessage(big)).toBeUndefined()
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_MESSAGE_BYTES)
  })

  it('never throws, whatever the input (fuzz)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (input) => {
        expect(() => parseUntrustedMessage(input)).not.toThrow()
      }),
      { numRuns: 3000 },
    )
  })

  it('accepts a message with one field replaced by anything only if it is still plain, bounded JSON that validates again (fuzz)', () => {
    const state = { status: 'decided' as const, categories: { C0001: true }, source: 'custom' }
    const valid = [
      event(),
      createMessage('s', 0, 'probe', {}),
      createMessage('s', 1, 'hold', { action: 'held', held: 1, messageId: 'x' }),
      createMessage('s', 2, 'consent', { cmp: 'custom', state, previous: { ...state, status: 'pending', categories: {} }, preferences: { C0001: true } }),
      createMessage('s', 3, 'destination', { action: 'loaded-without-consent', destination: 'Amp', destinations: ['Amp'] }),
    ]
    const mutated = fc
      .constantFrom(...valid)
      .chain((message) => fc.tuple(fc.constant(message), fc.constantFrom(...Object.keys(message), 'extra'), fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true })))
    let accepted = 0
    fc.assert(
      fc.property(mutated, ([message, key, value]) => {
        const candidate = { ...message, [key]: value }
        const parsed = parseUntrustedMessage(candidate)
        if (!parsed) return
        accepted++
        expect(isEnvelope(candidate)).toBe(true)
        expect(MESSAGE_KINDS).toContain(parsed.kind)
        expect(isPlainJson(parsed)).toBe(true)
        const roundTripped = JSON.parse(JSON.stringify(parsed)) as unknown
        expect(parseUntrustedMessage(roundTripped)).toEqual(roundTripped)
      }),
      { numRuns: 3000 },
    )
    // Not vacuous: some mutations (a new string for a string field, say) must pass, and most must not.
    expect(accepted).toBeGreaterThan(0)
    expect(accepted).toBeLessThan(3000)
  })
})

/** Only null, booleans, strings, finite numbers, arrays and plain objects without `__proto__` keys, at any depth. */
function isPlainJson(v: unknown): boolean {
  if (v === null || v === undefined || typeof v === 'boolean' || typeof v === 'string') return true
  if (typeof v === 'number') return Number.isFinite(v)
  if (Array.isArray(v)) return Object.getPrototypeOf(v) === Array.prototype && v.every(isPlainJson)
  if (typeof v !== 'object') return false
  const proto = Object.getPrototypeOf(v)
  if (proto !== Object.prototype && proto !== null) return false
  return Object.keys(v).every((k) => k !== '__proto__' && isPlainJson((v as Record<string, unknown>)[k]))
}

describe(isEnvelope, () => {
  it('checks the envelope only: any body passes, a wrong envelope field does not', () => {
    expect(isEnvelope({ ...event(), decisions: 'not checked here' })).toBe(true)
    expect(isEnvelope({ ...event(), source: 'someone-else' })).toBe(false)
    expect(isEnvelope({ ...event(), v: 2 })).toBe(false)
    expect(isEnvelope({ ...event(), kind: 'surprise' })).toBe(false)
    expect(isEnvelope({ ...event(), seq: 1.5 })).toBe(false)
    expect(isEnvelope({ ...event(), sid: 'x'.repeat(65) })).toBe(false)
    expect(isEnvelope({ ...event(), truncated: 'yes' })).toBe(false)
    expect(isEnvelope(Object.assign(Object.create({ polluted: true }), event()))).toBe(false)
  })
})

describe(parseSessionFile, () => {
  it('round-trips an exported session and re-validates its messages', () => {
    const message = event()
    const file = createSessionFile('0.1.0', [{ url: 'http://127.0.0.1/', startedAt: 1 }], [message])
    const result = parseSessionFile(JSON.stringify({ ...file, messages: [...file.messages, { kind: 'forged' }] }))
    expect(result).toEqual({ ok: true, rejected: 1, session: file })
  })

  it('refuses other formats with a clear message', () => {
    expect(parseSessionFile('not json')).toEqual({ ok: false, error: 'The file is not JSON.' })
    expect(parseSessionFile('{"format":"har"}')).toMatchObject({ ok: false, error: expect.stringContaining('Not a Consent Guard session') })
    expect(parseSessionFile('{"format":"consent-guard-session","version":9,"messages":[]}')).toMatchObject({ ok: false, error: expect.stringContaining('version 9') })
  })
})
