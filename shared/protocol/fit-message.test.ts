import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fitMessage } from './fit-message'
import { MAX_JSON_DEPTH, MAX_NAME } from './field-limits'
import { MAX_MESSAGE_BYTES } from './limits'
import { parseUntrustedMessage } from './parse-message'
import { createMessage, type Json } from './protocol'

const state = { status: 'decided' as const, categories: { C0001: true }, source: 'custom' }
const event = (payload: unknown, messageId = 'm1', name = 'Order Completed') =>
  createMessage('sid', 3, 'event', {
    messageId, type: 'track', name, consent: { C0001: true }, status: 'decided',
    decisions: [{ destination: 'Amp', mode: 'device', categories: ['C0001'], allowed: true, reason: 'consented', missing: [] }],
    outcomes: [{ destination: 'Amp', outcome: 'delivered' }],
    payload: payload as Json,
  })

function nested(levels: number, bottom: Json = 'bottom'): Json {
  let v: Json = bottom
  for (let i = 0; i < levels; i++) v = { level: v }
  return v
}

describe(fitMessage, () => {
  it('keeps a message that already fits as it is, without a truncation mark', () => {
    const m = event({ properties: { a: [1, 2, 3] } })
    const fitted = fitMessage(m)!
    expect(fitted.message).toEqual(m)
    expect(fitted.message.truncated).toBeUndefined()
  })

  it('cuts a 2,001-item property array and says how much was kept', () => {
    const items = Array.from({ length: 2001 }, (_, i) => i)
    const fitted = fitMessage(event({ properties: { items } }))!
    expect(parseUntrustedMessage(fitted.message)).toBeDefined()
    const kept = (fitted.message as unknown as { payload: { properties: { items: unknown[] } } }).payload.properties.items
    expect(kept.at(-1)).toBe('…2,001 items, 1,999 kept')
    expect(kept.slice(0, 3)).toEqual([0, 1, 2])
    expect(fitted.message.truncated).toBe(true)
  })

  it('replaces what is nested deeper than the validator allows with a mark', () => {
    const fitted = fitMessage(event({ properties: nested(30) }))!
    expect(parseUntrustedMessage(fitted.message)).toBeDefined()
    expect(fitted.text).toContain('…nested too deep, left out')
    expect(fitted.text.split('"level"').length - 1).toBeLessThan(MAX_JSON_DEPTH)
  })

  it('cuts a long messageId, name and map, marking each', () => {
    const keys = Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`k${i}`, i]))
    const fitted = fitMessage(event({ properties: keys }, 'x'.repeat(5000), 'n'.repeat(10_000)))!
    const m = fitted.message as ReturnType<typeof event>
    expect(parseUntrustedMessage(m)).toBeDefined()
    expect(m.messageId.length).toBeLessThanOrEqual(MAX_NAME)
    expect(m.messageId).toMatch(/…5,000 chars, [\d,]+ kept$/)
    expect(m.name).toMatch(/…10,000 chars, [\d,]+ kept$/)
    expect((m.payload as { properties: Record<string, unknown> }).properties['…']).toBe('…2,500 keys, 1,999 kept')
  })

  it('leaves the payload out, with a mark, when the whole is over the byte cap', () => {
    const fitted = fitMessage(event({ blobs: Array.from({ length: 12 }, () => 'y'.repeat(60_000)) }))!
    expect(fitted.bytes).toBeLessThanOrEqual(MAX_MESSAGE_BYTES)
    expect(parseUntrustedMessage(fitted.message)).toBeDefined()
    expect(fitted.message).toMatchObject({ truncated: true, payload: expect.stringMatching(/^…payload of [\d]+ bytes left out$/) })
  })

  it('survives a payload JSON cannot carry (a cycle)', () => {
    const cyclic: Record<string, unknown> = { a: 1 }
    cyclic.self = cyclic
    const fitted = fitMessage(event(cyclic))!
    expect(parseUntrustedMessage(fitted.message)).toBeDefined()
    expect(fitted.message).toMatchObject({ truncated: true })
  })

  it('everything it emits passes the validator, whatever the payload and strings (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 6000 })
    // Arbitrary JSON, also wrapped deeper than the validator allows, or in a list longer than it allows.
    const payloads = fc.oneof(
      fc.jsonValue(),
      fc.tuple(fc.jsonValue(), fc.integer({ min: 20, max: 40 })).map(([v, levels]) => nested(levels, v as Json)),
      fc.tuple(fc.jsonValue(), fc.integer({ min: 1990, max: 2100 })).map(([v, n]) => Array.from({ length: n }, () => v)),
    )
    fc.assert(
      fc.property(payloads, text, text, fc.dictionary(fc.string({ maxLength: 700 }), fc.boolean(), { maxKeys: 20 }), (payload, messageId, name, consent) => {
        const m = { ...event(payload, messageId, name), consent }
        const fitted = fitMessage(m)
        expect(fitted).toBeDefined()
        expect(parseUntrustedMessage(JSON.parse(fitted!.text))).toBeDefined()
      }),
      { numRuns: 300 },
    )
  })

  it('fits long and wide data of every kind the plugin sends (property)', () => {
    const text = fc.string({ maxLength: 5000 })
    const big = fc.array(fc.string({ maxLength: 700 }), { maxLength: 700 })
    fc.assert(
      fc.property(text, big, fc.jsonValue({ maxDepth: 30 }), (s, list, value) => {
        const messages = [
          createMessage('sid', 1, 'hello', { pluginVersion: s, analyticsVersion: '1', url: s + s, options: Object.fromEntries(list.map((k, i) => [k, i ? value : s])) as Record<string, Json> }),
          createMessage('sid', 2, 'consent', { cmp: s, state: { ...state, categories: Object.fromEntries(list.map((k) => [k, true])) }, preferences: {}, error: s + s }),
          createMessage('sid', 3, 'settings', { destinations: list.map((d) => ({ destination: d, mode: 'device' as const, categories: list, hosts: list })), allCategories: list, hasConsentSettings: true }),
          createMessage('sid', 4, 'destination', { action: 'loaded-without-consent', destination: s, destinations: list }),
          createMessage('sid', 5, 'hold', { action: 'dropped', held: 1, messageId: s, reason: s }),
        ]
        for (const m of messages) expect(parseUntrustedMessage(JSON.parse(fitMessage(m)!.text))).toBeDefined()
      }),
      { numRuns: 60 },
    )
  })
})
