import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CdnSettingsLike, ConsentState } from '../../../shared/routing/types'
import { asEntries, InspectorSession, PluginSession } from '../../test-support/diagnostics'
import { EventIndex } from '../stores/event-index'
import { SessionStore } from '../stores/session-store'
import { EventContexts } from './event-contexts'
import { summarizeSession } from './session-what-if'
import { compareRouting, whatIfRouting, withCategory } from './what-if'
import { recordEvent, type PluginSetup } from './what-if-fixtures'
import { whatIfInputs } from './what-if-inputs'

/** Feeds messages through the panel's own stores and returns the last event row with its what-if inputs. */
function load(messages: Parameters<typeof asEntries>[0]) {
  const session = new SessionStore()
  const index = new EventIndex(session)
  const contexts = new EventContexts(session)
  session.add(asEntries(messages))
  const row = index.rows[index.rows.length - 1]
  return { row, inputs: whatIfInputs(row, contexts.get(row.key)) }
}

const category = fc.constantFrom('C1', 'C2', 'C3', 'C4', 'constructor')
const categories = fc.uniqueArray(category, { maxLength: 3 })
const names = ['Segment.io', 'Amp', 'Ads', 'Braze', 'Segment Profiles', 'Iterable'] as const
const integration = fc.record(
  { type: fc.constantFrom('browser', 'server'), bundlingStatus: fc.constantFrom('bundled', 'unbundled'), consentSettings: fc.record({ categories }) },
  { requiredKeys: [] },
)
const settingsArb: fc.Arbitrary<CdnSettingsLike> = fc
  .record({
    integrations: fc.dictionary(fc.constantFrom(...names), integration, { maxKeys: 6 }),
    remote: fc.uniqueArray(fc.constantFrom('Amp', 'Actions X', 'Segment Actions'), { maxLength: 2 }),
    consentSettings: fc.option(fc.record({ allCategories: categories, hasUnmappedDestinations: fc.boolean() }, { requiredKeys: ['allCategories'] }), { nil: undefined }),
  })
  .map(({ integrations, remote, consentSettings }) => ({
    integrations,
    remotePlugins: remote.map((creationName) => ({ name: `${creationName} (Actions)`, creationName })),
    ...(consentSettings ? { consentSettings } : {}),
  }))
const setupArb: fc.Arbitrary<PluginSetup> = fc.record({
  settings: settingsArb,
  locals: fc.uniqueArray(fc.record({ name: fc.constantFrom('Local A', 'Local B', 'Amp'), categories: fc.option(categories, { nil: undefined }) }), { selector: (l) => l.name, maxLength: 2 }),
  options: fc.record(
    {
      consentModel: fc.constantFrom('opt-in', 'opt-out'),
      categoryRule: fc.constantFrom('all', 'any'),
      unmappedDestinations: fc.constantFrom('allow', 'block'),
      gpc: fc.oneof(fc.constant(false as const), fc.record({ deny: categories })),
      integrationCategoryMappings: fc.dictionary(fc.constantFrom('Amp', 'Braze', 'Local A', 'Local B'), categories, { maxKeys: 3 }),
    },
    { requiredKeys: [] },
  ),
})
const stateArb: fc.Arbitrary<ConsentState> = fc.record(
  {
    status: fc.constantFrom('pending', 'decided'),
    categories: fc.dictionary(category, fc.boolean(), { maxKeys: 4 }),
    model: fc.constantFrom('opt-in', 'opt-out'),
    gpc: fc.boolean(),
    explicit: fc.boolean(),
    source: fc.constant('test'),
  },
  { requiredKeys: ['status', 'categories', 'source'] },
)

describe(whatIfRouting, () => {
  it('with the toggles at the stamped consent and the recorded options, predicts exactly what the plugin decided', () => {
    fc.assert(
      fc.property(setupArb, stateArb, (setup, state) => {
        const { row, inputs } = load(recordEvent(setup, state))
        expect(whatIfRouting(inputs, inputs.start)).toEqual(row.decisions)
        expect(compareRouting(row.decisions, whatIfRouting(inputs, inputs.start)).filter((r) => r.changed)).toEqual([])
        for (const s of summarizeSession([{ row, inputs }], inputs.start)) expect(s.wouldDeliver).toBe(s.delivered)
      }),
      { numRuns: 400 },
    )
  })

  it('predicts what the inspector hook predicted, for events with and without a consent object', () => {
    fc.assert(
      fc.property(fc.option(fc.dictionary(category, fc.boolean(), { maxKeys: 4 }), { nil: null }), (consent) => {
        const i = new InspectorSession()
        const { row, inputs } = load([i.settings(), i.event('Viewed', consent)])
        expect(whatIfRouting(inputs, inputs.start)).toEqual(row.decisions)
        expect(inputs.start.model).toBe(consent ? 'opt-in' : 'opt-out')
      }),
    )
  })

  it('shows Ads allowed under what-if once its category is toggled on, while what happened stays blocked', () => {
    const setup: PluginSetup = {
      settings: {
        integrations: { 'Segment.io': {}, Analytics: { type: 'browser', consentSettings: { categories: ['C0002'] } }, Ads: { type: 'browser', consentSettings: { categories: ['C0004'] } } },
        consentSettings: { allCategories: ['C0002', 'C0004'], hasUnmappedDestinations: false },
      },
      options: {},
    }
    const { row, inputs } = load(recordEvent(setup, { status: 'decided', categories: { C0002: true, C0004: false }, model: 'opt-in', source: 'onetrust' }))
    expect(inputs.categories).toEqual(['C0002', 'C0004'])
    expect(inputs.start).toEqual({ categories: { C0002: true, C0004: false }, status: 'decided', model: 'opt-in', gpc: false })
    const rows = compareRouting(row.decisions, whatIfRouting(inputs, withCategory(inputs.start, 'C0004', true)))
    expect(rows.find((r) => r.destination === 'Ads')).toMatchObject({
      changed: true,
      happened: { allowed: false, reason: 'missing-consent', missing: ['C0004'] },
      whatIf: { allowed: true, reason: 'consented', missing: [] },
    })
    expect(rows.filter((r) => r.changed).map((r) => r.destination)).toEqual(['Ads'])
  })

  it('marks rows that a hand-made event routes differently from its settings', () => {
    // The shared test session's events name no Webhooks decision and decide Segment.io loosely: the differences show.
    const p = new PluginSession()
    const { row, inputs } = load([p.settings(), p.consent({ C0002: true, C0004: false }), p.event('Order Completed', { C0002: true, C0004: false, C0009: false })])
    const changed = compareRouting(row.decisions, whatIfRouting(inputs, inputs.start)).filter((r) => r.changed)
    expect(changed.map((r) => [r.destination, r.happened?.reason, r.whatIf?.reason])).toEqual([
      ['Segment.io', 'unmapped-allowed', 'consented'],
      ['Webhooks', undefined, 'unmapped-allowed'],
    ])
  })

  it('denies the gpc option’s categories when the GPC toggle is on, with reason gpc', () => {
    const setup: PluginSetup = { settings: { integrations: { Ads: { type: 'browser', consentSettings: { categories: ['C4'] } } } }, options: { gpc: { deny: ['C4'] } } }
    const { inputs } = load(recordEvent(setup, { status: 'decided', categories: { C4: true }, source: 'test' }))
    expect(inputs.start.gpc).toBe(false)
    expect(whatIfRouting(inputs, { ...inputs.start, gpc: true })[0]).toMatchObject({ allowed: false, reason: 'gpc', missing: ['C4'] })
  })

  it('knows the GPC signal was on from a recorded gpc reason, even without a consent message', () => {
    const setup: PluginSetup = { settings: { integrations: { Ads: { type: 'browser', consentSettings: { categories: ['C4'] } } } }, options: { gpc: { deny: ['C4'] } } }
    const messages = recordEvent(setup, { status: 'decided', categories: { C4: true }, gpc: true, source: 'test' }).filter((m) => m.kind !== 'consent')
    const { row, inputs } = load(messages)
    expect(inputs.start.gpc).toBe(true)
    expect(whatIfRouting(inputs, inputs.start)).toEqual(row.decisions)
  })

  it('says it cannot run a function categoryRule and falls back to "all"', () => {
    const setup: PluginSetup = { settings: { integrations: { Hub: { type: 'browser', consentSettings: { categories: ['C1', 'C2'] } } } }, options: { categoryRule: 'function' } }
    const { row, inputs } = load(recordEvent(setup, { status: 'decided', categories: { C1: true, C2: false }, source: 'test' }))
    expect(row.decisions[0].allowed).toBe(true)
    expect(inputs.options.categoryRule).toBe('all')
    expect(inputs.notes.join('\n')).toMatch(/categoryRule is a function.*uses "all"/)
    expect(whatIfRouting(inputs, inputs.start)[0]).toMatchObject({ allowed: false, reason: 'missing-consent', missing: ['C2'] })
  })

  it('takes destinations the settings message lacks from the event’s own decisions, and says when there was no settings message', () => {
    const setup: PluginSetup = { settings: { integrations: { 'Segment.io': {}, Amp: { type: 'server', consentSettings: { categories: ['C1'] } } } }, locals: [{ name: 'Braze', categories: ['C2'] }], options: {} }
    const messages = recordEvent(setup, { status: 'decided', categories: { C1: true, C2: false }, source: 'test' }).filter((m) => m.kind !== 'settings')
    const { row, inputs } = load(messages)
    expect(inputs.notes.join('\n')).toMatch(/No settings message before this event/)
    expect(whatIfRouting(inputs, withCategory(inputs.start, 'C2', true)).map((d) => [d.destination, d.mode, d.allowed])).toEqual([
      ['Segment.io', 'segment', true],
      ['Amp', 'cloud', true],
      ['Braze', 'device', true],
    ])
    expect(row.decisions.find((d) => d.destination === 'Braze')?.allowed).toBe(false)
  })

  it('keeps a page-named category such as __proto__ an ordinary key', () => {
    const h = withCategory({ categories: {}, status: 'decided', model: 'opt-in', gpc: false }, '__proto__', true)
    expect(Object.getPrototypeOf(h.categories)).toBe(Object.prototype)
    expect(Object.keys(h.categories)).toEqual(['__proto__'])
  })
})
