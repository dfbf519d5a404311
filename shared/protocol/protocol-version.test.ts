import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePageMessage } from './parse-message'
import { createMessage, isAnnounce, PROTOCOL_VERSION } from './protocol'
import { describeMismatch, parseGreeting, versionMismatch } from './protocol-version'

const hello = createMessage('sid', 1, 'hello', { pluginVersion: '2.0.0', analyticsVersion: '1.84.3', url: 'https://shop.example/', options: {} })

describe(parseGreeting, () => {
  it('keeps the shared fields of another version’s probe and hello, and nothing else', () => {
    expect(parseGreeting({ ...hello, v: 2, options: { anything: [1] }, extra: '<b>x</b>' })).toEqual({
      source: 'consent-guard', v: 2, sid: 'sid', seq: 1, time: hello.time, kind: 'hello', pluginVersion: '2.0.0',
    })
    expect(parseGreeting({ ...hello, v: 2, kind: 'probe' })).toEqual({ source: 'consent-guard', v: 2, sid: 'sid', seq: 1, time: hello.time, kind: 'probe' })
  })

  it('refuses our own version, other kinds, and anything that is not a version or an envelope', () => {
    expect(parseGreeting(hello)).toBeUndefined()
    expect(parseGreeting({ ...hello, v: 2, kind: 'event' })).toBeUndefined()
    for (const v of [0, -1, 1.5, '2', Number.NaN, 2 ** 60]) expect(parseGreeting({ ...hello, v })).toBeUndefined()
    expect(parseGreeting({ ...hello, v: 2, sid: 'x'.repeat(65) })).toBeUndefined()
    expect(parseGreeting({ ...hello, v: 2, seq: -1 })).toBeUndefined()
    expect(parseGreeting({ ...hello, v: 2, source: 'other' })).toBeUndefined()
    expect(parseGreeting({ ...hello, v: 2, pluginVersion: 'x'.repeat(600) })).not.toHaveProperty('pluginVersion')
  })

  it('never throws (fuzz)', () => {
    fc.assert(fc.property(fc.anything(), (data) => void parsePageMessage(data)))
  })
})

describe(versionMismatch, () => {
  it('says to update the debugger when the plugin is newer, the plugin when it is older', () => {
    expect(versionMismatch(PROTOCOL_VERSION)).toBeUndefined()
    expect(versionMismatch(3, 2, '4.0.0')).toEqual({ plugin: 3, extension: 2, update: 'extension', pluginVersion: '4.0.0' })
    expect(versionMismatch(1, 2)).toEqual({ plugin: 1, extension: 2, update: 'plugin' })
    expect(describeMismatch(versionMismatch(3, 2, '4.0.0')!)).toBe(
      "The page's Consent Guard plugin 4.0.0 speaks diagnostics protocol v3; this debugger speaks v2. The plugin is newer: update this debugger to see its events.",
    )
    expect(describeMismatch(versionMismatch(1, 2)!, 'this audit')).toBe(
      "The page's Consent Guard plugin speaks diagnostics protocol v1; this audit speaks v2. The plugin is older: update the consent-guard package on the page to see its events.",
    )
  })
})

describe(isAnnounce, () => {
  it("accepts any version's announce, so an older plugin still reports to a newer debugger", () => {
    expect(isAnnounce({ source: 'consent-guard-debugger', v: 2, kind: 'announce' })).toBe(true)
    expect(isAnnounce({ source: 'consent-guard-debugger', v: '2', kind: 'announce' })).toBe(false)
    expect(isAnnounce({ source: 'consent-guard', v: 1, kind: 'announce' })).toBe(false)
  })
})
