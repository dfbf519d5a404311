import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMessage, parseUntrustedMessage } from './parse-message'
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

  it('never throws and never accepts a non-message, whatever the input (fuzz)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (input) => {
        expect(() => parseUntrustedMessage(input)).not.toThrow()
      }),
      { numRuns: 3000 },
    )
    fc.assert(
      fc.property(fc.constantFrom(...MESSAGE_KINDS), fc.dictionary(fc.string(), fc.jsonValue()), (kind, body) => {
        const candidate = { source: 'consent-guard', v: 1, sid: 's', seq: 0, time: 0, kind, ...body }
        const parsed = parseUntrustedMessage(candidate)
        if (parsed) expect(parsed.kind).toBe(kind)
      }),
      { numRuns: 3000 },
    )
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
