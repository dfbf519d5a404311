import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Context } from '@segment/analytics-next'
import { consentGuard } from '../../../plugin/consent-guard'
import type { Diagnostic } from '../../../shared/protocol/protocol'
import { cdnSettings, interceptSegment, loadAnalytics } from '../support/analytics-harness'
import { controlledSource } from '../support/controlled-source'
import { SEQUENCE_RUNS } from './scale'

afterEach(() => vi.unstubAllGlobals())

const MAPPINGS = { Ads: ['C4'], Stats: ['C2'], Both: ['C2', 'C4'] }
type Step = { op: 'track' } | { op: 'decide'; categories: Record<string, boolean> } | { op: 'wait' }

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ op: 'track' as const }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('decide' as const), categories: fc.record({ C2: fc.boolean(), C4: fc.boolean() }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'wait' as const }) },
)

/** A destination that remembers the consent stamped on each event it received. */
function witness(name: string, seen: Array<{ destination: string; prefs: Record<string, boolean> }>) {
  return {
    name,
    type: 'destination' as const,
    version: '1',
    isLoaded: () => true,
    load: async () => undefined,
    track: async (ctx: Context) => {
      seen.push({ destination: name, prefs: { ...(ctx.event.context?.consent?.categoryPreferences as Record<string, boolean>) } })
      return ctx
    },
  }
}

/**
 * Random sessions through the real analytics-next: tracks, consent changes,
 * waits (the hold times out after 15 ms), with a small `maxEvents` so the hold
 * overflows. Every event must end in exactly one diagnostic (delivered or
 * dropped with a reason), and no destination may receive an event whose
 * stamped consent does not pass its rule.
 */
describe('event accounting across consent changes, timeouts and overflow', () => {
  it('accounts for every event and never delivers without consent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), async (steps, maxEvents, shortTimeout) => {
        interceptSegment()
        const cmp = controlledSource()
        const guard = consentGuard({
          cmp: cmp.source,
          integrationCategoryMappings: MAPPINGS,
          waitForConsent: { maxEvents, timeoutMs: shortTimeout ? 15 : 60_000 },
          diagnostics: 'off',
        })
        const log: Diagnostic[] = []
        guard.onDiagnostic((d) => log.push(d))
        const seen: Array<{ destination: string; prefs: Record<string, boolean> }> = []
        const { analytics } = await loadAnalytics(cdnSettings({ cloud: { Mixpanel: ['C2'] } }), [guard, ...Object.keys(MAPPINGS).map((n) => witness(n, seen))])
        const created: Promise<unknown>[] = []
        for (const s of steps) {
          if (s.op === 'track') created.push(analytics.track(`E${created.length}`))
          else if (s.op === 'decide') cmp.decide(s.categories)
          else await new Promise((r) => setTimeout(r, 20))
        }
        cmp.decide({ C2: true, C4: false }) // a final decision releases whatever is still held
        await Promise.all(created)
        const names = (d: Diagnostic) => (d.kind === 'event' && d.name?.startsWith('E') ? d.name : undefined)
        await vi.waitFor(() => expect(log.map(names).filter(Boolean)).toHaveLength(created.length), { timeout: 5000 })
        expect(new Set(log.map(names).filter(Boolean)).size).toBe(created.length)
        for (const { destination, prefs } of seen) {
          const required = MAPPINGS[destination as keyof typeof MAPPINGS]
          expect(required.every((c) => prefs[c] === true)).toBe(true)
        }
        guard.unload?.(undefined, undefined)
        vi.unstubAllGlobals()
      }),
      { numRuns: SEQUENCE_RUNS },
    )
  }, 600_000)
})
