import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { passesRule } from '../../../shared/routing/category-rule'
import type { CdnSettingsLike, ConsentState, RoutingOptions } from '../../../shared/routing/types'
import { gateEvent } from '../../../plugin/enforcement/destination-gate'
import { stampConsent } from '../../../plugin/enforcement/consent-stamping'
import { routingTable } from '../../../plugin/enforcement/routing-table'
import type { SegmentEventLike } from '../../../plugin/analytics-slice'

const category = fc.constantFrom('C1', 'C2', 'C3', 'C4')
const categories = fc.uniqueArray(category, { maxLength: 3 })
const name = fc.constantFrom('Amp', 'Ads', 'Braze', 'Hub', 'Pixel', 'Segment.io')

const settingsArb: fc.Arbitrary<CdnSettingsLike> = fc
  .record({
    integrations: fc.dictionary(
      name,
      fc.record({ type: fc.constantFrom('browser', 'server'), bundlingStatus: fc.constantFrom('bundled', 'unbundled'), consentSettings: fc.record({ categories }) }),
      { maxKeys: 6 },
    ),
    consentSettings: fc.option(fc.record({ allCategories: categories, hasUnmappedDestinations: fc.boolean() }), { nil: undefined }),
  })
  .map((s) => (s.consentSettings ? s : { integrations: s.integrations }))
const stateArb: fc.Arbitrary<ConsentState> = fc.record({
  status: fc.constantFrom('pending', 'decided'),
  categories: fc.dictionary(category, fc.boolean(), { maxKeys: 4 }),
  model: fc.constantFrom('opt-in', 'opt-out', undefined),
  gpc: fc.boolean(),
  source: fc.constant('property'),
})
const optionsArb = fc.record({
  consentModel: fc.constantFrom('opt-in', 'opt-out', undefined),
  categoryRule: fc.constantFrom('all', 'any'),
  unmappedDestinations: fc.constantFrom('allow', 'block'),
  gpc: fc.oneof(fc.constant(false as const), fc.record({ deny: categories })),
  integrationCategoryMappings: fc.dictionary(fc.constantFrom('Amp', 'Local'), categories, { maxKeys: 2 }),
  enforceCloudMode: fc.boolean(),
}) as fc.Arbitrary<RoutingOptions & { enforceCloudMode: boolean }>
const userFlags = fc.dictionary(name, fc.boolean(), { maxKeys: 3 })

/**
 * The invariant behind every delivery, over 10,000 random workspaces, states
 * and options: after stamping and gating, a device-mode destination is left
 * switched on for an event only if its categories pass the rule under the
 * very preferences stamped on that event; a site's own `false` flags are
 * never turned back on.
 */
describe('per-event gating invariants', () => {
  it('never leaves an unconsented device-mode destination switched on', () => {
    fc.assert(
      fc.property(settingsArb, stateArb, optionsArb, userFlags, fc.boolean(), (settings, state, options, flags, withLocal) => {
        const table = routingTable(options)
        table.setSettings(settings)
        if (withLocal) table.setLocalDestinations(['Local'])
        const routing = table.routingFor(state)
        const event: SegmentEventLike = { type: 'track', event: 'E', integrations: { ...flags } }
        stampConsent(event, routing.preferences)
        gateEvent(event, routing.blocked, !routing.segmentAllowed)
        const stamped = (event.context!.consent as { categoryPreferences: Record<string, boolean> }).categoryPreferences
        const pending = state.status === 'pending' && (options.consentModel ?? state.model ?? 'opt-in') === 'opt-in'
        for (const d of routing.decisions) {
          const on = event.integrations![d.destination] !== false
          if (flags[d.destination] === false) expect(on).toBe(false)
          if (d.mode !== 'device' || !on) continue
          if (d.categories.length === 0) expect(options.unmappedDestinations).toBe('allow')
          else {
            expect(pending).toBe(false)
            expect(passesRule(options.categoryRule, d.categories, stamped, d.destination)).toBe(true)
          }
        }
      }),
      { numRuns: 10_000 },
    )
  })
})
