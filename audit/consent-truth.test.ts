import { describe, expect, it } from 'vitest'
import { createMessage } from '../shared/protocol/protocol'
import { consentTruth, truthAt } from './consent-truth'
import { planned } from './scenario-spec'
import { AUDIT_DEFAULTS, T0, pluginMessages, recording } from './testing/recording-fixtures'

describe(consentTruth, () => {
  it('is pending from the start until the platform reports the decision, then follows it', () => {
    const truth = consentTruth(recording({ messages: pluginMessages({ C0001: true, C0002: true, C0004: true }) }), AUDIT_DEFAULTS)
    expect(truth.mode).toBe('plugin')
    expect(truth.decidedAt).toBe(T0 + 2000)
    const ads = (t: number) => truthAt(truth, t).decisions.find((d) => d.destination === 'Ads Pixel')
    expect(ads(T0 - 5)).toMatchObject({ allowed: false, reason: 'pending' })
    expect(ads(T0 + 1999)).toMatchObject({ allowed: false, reason: 'pending' })
    expect(ads(T0 + 2000)).toMatchObject({ allowed: true, reason: 'consented' })
  })

  it('ignores a later page load’s brief "pending": the visitor’s choice stands', () => {
    const next = createMessage('sid2', 0, 'consent', { cmp: 'onetrust', state: { status: 'pending', categories: {}, source: 'onetrust' }, preferences: {} }, T0 + 5000)
    const truth = consentTruth(recording({ messages: [...pluginMessages({ C0002: true }), next] }), AUDIT_DEFAULTS)
    expect(truthAt(truth, T0 + 6000).state.status).toBe('decided')
  })

  it('learns which categories the platform keeps on after "reject all", and notes a choice it did not honour', () => {
    const rejected = consentTruth(recording({ scenario: planned({ kind: 'reject-all' }), messages: pluginMessages({ C0001: true, C0002: false, C0004: false }) }), AUDIT_DEFAULTS)
    expect(rejected.forced).toEqual(['C0001'])
    const only = consentTruth(recording({ scenario: planned({ kind: 'only', categories: ['C0004'] }), messages: pluginMessages({ C0001: true, C0002: false, C0004: false }) }), AUDIT_DEFAULTS)
    expect(only.notes.join('\n')).toContain('The platform did not grant C0004')
  })

  it('notes when GPC is on but the site does not act on it', () => {
    const messages = pluginMessages({ C0002: true, C0004: true }).map((m) => (m.kind === 'hello' ? { ...m, options: { ...m.options, gpc: false } } : m))
    const truth = consentTruth(recording({ scenario: planned({ kind: 'accept-all' }, true), messages }), AUDIT_DEFAULTS)
    expect(truth.notes.join('\n')).toMatch(/configured without a gpc option/)
  })

  it('on a page without the plugin, takes the scenario as applied when the driver started', () => {
    const truth = consentTruth(recording({ scenario: planned({ kind: 'only', categories: ['C0002'] }), messages: [] }), { ...AUDIT_DEFAULTS, destinationCategories: { 'Hardcoded Pixel': ['C0004'] } })
    expect(truth.mode).toBe('network-only')
    expect(truth.decidedAt).toBe(T0 + 1900)
    expect(truthAt(truth, T0 + 2000).state.categories).toEqual({ C0001: false, C0002: true, C0004: false })
    expect(truthAt(truth, T0 + 2000).decisions).toEqual([expect.objectContaining({ destination: 'Hardcoded Pixel', allowed: false, reason: 'missing-consent' })])
    expect(truth.notes.join('\n')).toMatch(/network and the cookie jar only/)
  })
})
