import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decideRouting } from './decide-routing'
import type { CdnSettingsLike, ConsentState, RoutingOptions } from './types'

/**
 * An independent model of the routing rules, written from the README's "How routing works" and the reason order and not from
 * the implementation: fast-check compares the two on random settings,
 * states and options.
 */
function model(settings: CdnSettingsLike, state: ConsentState, o: RoutingOptions) {
  const optIn = (o.consentModel ?? state.model ?? 'opt-in') === 'opt-in'
  const pending = state.status === 'pending'
  const gpcDeny = o.gpc && state.gpc ? o.gpc.deny : []
  const counts = (c: string) => {
    if (gpcDeny.includes(c)) return false
    const v = Object.prototype.hasOwnProperty.call(state.categories, c) ? state.categories[c] : undefined
    return optIn ? !pending && v === true : v !== false
  }
  const remote = (settings.remotePlugins ?? []).map((p) => p.creationName)
  const names = [...Object.keys(settings.integrations)]
  for (const r of remote) if (!names.includes(r)) names.push(r)
  return names.map((name) => {
    if (name === 'Segment.io') {
      const cs = settings.consentSettings
      const drop = !!cs && !cs.hasUnmappedDestinations && !(cs.allCategories ?? []).some(counts)
      if (optIn && pending) return { destination: name, allowed: !drop, reason: 'pending' }
      return { destination: name, allowed: !drop, reason: drop ? 'missing-consent' : 'consented' }
    }
    const entry = settings.integrations[name]
    const categories = o.integrationCategoryMappings?.[name] ?? entry?.consentSettings?.categories ?? []
    const missing = categories.filter((c) => !counts(c))
    if (categories.length === 0) {
      const allowed = o.unmappedDestinations !== 'block'
      return { destination: name, allowed, reason: allowed ? 'unmapped-allowed' : 'unmapped-blocked', missing: [] }
    }
    if (optIn && pending) return { destination: name, allowed: false, reason: 'pending', missing }
    const pass = o.categoryRule === 'any' ? categories.some(counts) : categories.every(counts)
    if (pass) return { destination: name, allowed: true, reason: 'consented', missing }
    return { destination: name, allowed: false, reason: missing.some((c) => gpcDeny.includes(c)) ? 'gpc' : 'missing-consent', missing }
  })
}

const category = fc.constantFrom('C1', 'C2', 'C3', 'C4', 'constructor')
const categories = fc.uniqueArray(category, { maxLength: 3 })
const integration = fc.record(
  {
    type: fc.constantFrom('browser', 'server'),
    bundlingStatus: fc.constantFrom('bundled', 'unbundled'),
    consentSettings: fc.record({ categories }),
  },
  { requiredKeys: [] },
)
const settingsArb: fc.Arbitrary<CdnSettingsLike> = fc
  .record({
    integrations: fc.dictionary(fc.constantFrom('Segment.io', 'Amp', 'Ads', 'Braze', 'Hub'), integration, { maxKeys: 5 }),
    remote: fc.uniqueArray(fc.constantFrom('Amp', 'Actions X'), { maxLength: 2 }),
    consentSettings: fc.option(fc.record({ allCategories: categories, hasUnmappedDestinations: fc.boolean() }), { nil: undefined }),
  })
  .map(({ integrations, remote, consentSettings }) => ({
    integrations,
    remotePlugins: remote.map((creationName) => ({ name: `${creationName} (Actions)`, creationName })),
    ...(consentSettings ? { consentSettings } : {}),
  }))
const stateArb: fc.Arbitrary<ConsentState> = fc.record(
  {
    status: fc.constantFrom('pending', 'decided'),
    categories: fc.dictionary(category, fc.boolean(), { maxKeys: 4 }),
    model: fc.constantFrom('opt-in', 'opt-out'),
    gpc: fc.boolean(),
    source: fc.constant('test'),
  },
  { requiredKeys: ['status', 'categories', 'source'] },
)
const optionsArb: fc.Arbitrary<RoutingOptions> = fc.record(
  {
    consentModel: fc.constantFrom('opt-in', 'opt-out'),
    categoryRule: fc.constantFrom('all', 'any'),
    unmappedDestinations: fc.constantFrom('allow', 'block'),
    gpc: fc.oneof(fc.constant(false as const), fc.record({ deny: categories })),
    integrationCategoryMappings: fc.dictionary(fc.constantFrom('Amp', 'Hub', 'Actions X'), categories, { maxKeys: 2 }),
  },
  { requiredKeys: [] },
)

describe(decideRouting, () => {
  it('agrees with an independent model of the routing rules', () => {
    fc.assert(
      fc.property(settingsArb, stateArb, optionsArb, (settings, state, options) => {
        const actual = decideRouting(settings, state, options).map(({ destination, allowed, reason, missing, mode }) =>
          mode === 'segment' ? { destination, allowed, reason } : { destination, allowed, reason, missing },
        )
        expect(actual).toEqual(model(settings, state, options))
      }),
      { numRuns: 2000 },
    )
  })

  it('classifies modes like analytics-next: remote plugins and installable classic are device, Segment.io is segment', () => {
    const decisions = decideRouting(
      {
        integrations: {
          'Segment.io': {},
          Classic: { type: 'browser' },
          Component: { versionSettings: { componentTypes: ['browser'] } },
          Unbundled: { type: 'browser', bundlingStatus: 'unbundled' },
          'Segment Profiles': { type: 'browser' },
          Iterable: { type: 'browser' },
          Cloud: { type: 'server' },
        },
        remotePlugins: [{ name: 'Amp (Actions)', creationName: 'Actions Amp' }],
      },
      { status: 'decided', categories: {}, source: 't' },
    )
    expect(Object.fromEntries(decisions.map((d) => [d.destination, d.mode]))).toEqual({
      'Segment.io': 'segment',
      Classic: 'device',
      Component: 'device',
      Unbundled: 'cloud',
      'Segment Profiles': 'cloud',
      Iterable: 'cloud',
      Cloud: 'cloud',
      'Actions Amp': 'device',
    })
  })

  it('passes the effective preferences to a function rule', () => {
    const seen: Array<Record<string, boolean>> = []
    const [decision] = decideRouting(
      { integrations: { Amp: { type: 'browser', consentSettings: { categories: ['A', 'B'] } } }, consentSettings: { allCategories: ['A', 'B', 'Z'], hasUnmappedDestinations: false } },
      { status: 'decided', categories: { A: true, B: true }, gpc: true, source: 't' },
      { gpc: { deny: ['B'] }, categoryRule: (required, prefs) => (seen.push(prefs), required.some((c) => prefs[c])) },
    )
    expect(seen).toEqual([{ A: true, B: false, Z: false }])
    expect(decision).toMatchObject({ allowed: true, reason: 'consented', missing: ['B'] })
  })

  it("says 'gpc' when a category GPC denies is missing", () => {
    const [decision] = decideRouting(
      { integrations: { Ads: { type: 'browser', consentSettings: { categories: ['C4'] } } } },
      { status: 'decided', categories: { C4: true }, gpc: true, source: 't' },
      { gpc: { deny: ['C4'] } },
    )
    expect(decision).toMatchObject({ allowed: false, reason: 'gpc', missing: ['C4'] })
  })
})
