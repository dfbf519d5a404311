import { effectivePreferences, passesRule, viewConsent, type ConsentView } from './category-rule'
import { listDestinations, SEGMENT_IO, type DestinationInfo } from './destinations'
import type { CdnSettingsLike, ConsentState, RoutingDecision, RoutingOptions } from './types'

/** Every category routing may stamp: allCategories, every required and every mapped one. */
export function knownCategories(
  settings: CdnSettingsLike,
  destinations: DestinationInfo[],
  mappings: Record<string, string[]> = {},
): string[] {
  const all = new Set<string>(settings.consentSettings?.allCategories ?? [])
  for (const d of destinations) for (const c of d.categories) all.add(c)
  for (const categories of Object.values(mappings)) for (const c of categories) all.add(c)
  return [...all]
}

/** Decides one non-Segment destination (reasons checked in this order: unmapped, pending, consented, gpc, missing-consent). */
export function decideDestination(
  info: DestinationInfo,
  view: ConsentView,
  prefs: Record<string, boolean>,
  options: RoutingOptions,
): RoutingDecision {
  const { destination, mode, categories } = info
  const base = { destination, mode, categories: [...categories] }
  if (categories.length === 0) {
    const allowed = (options.unmappedDestinations ?? 'allow') === 'allow'
    return { ...base, allowed, reason: allowed ? 'unmapped-allowed' : 'unmapped-blocked', missing: [] }
  }
  const missing = categories.filter((c) => prefs[c] !== true)
  if (view.model === 'opt-in' && view.pending) {
    return { ...base, allowed: false, reason: 'pending', missing }
  }
  if (passesRule(options.categoryRule, categories, prefs, destination)) {
    return { ...base, allowed: true, reason: 'consented', missing }
  }
  const reason = missing.some((c) => view.gpcDenied.has(c)) ? 'gpc' : 'missing-consent'
  return { ...base, allowed: false, reason, missing }
}

/**
 * Segment's own rule, as consent-tools applies it: an event is not sent to
 * Segment.io iff the settings have `consentSettings`, there are no unmapped
 * destinations, and no category that counts is in `allCategories`.
 * Opt-in and pending: the reason is `pending`, and the rule is applied to the
 * all-false consent that such events carry (after the hold times out, events go out
 * under all-false consent, and Segment's servers then deliver
 * them only to unmapped destinations). While the hold is open, events are
 * held before routing applies at all.
 */
export function decideSegment(settings: CdnSettingsLike, view: ConsentView, prefs: Record<string, boolean>): RoutingDecision {
  const base = { destination: SEGMENT_IO, mode: 'segment' as const, categories: [], missing: [] }
  const consentSettings = settings.consentSettings
  const dropped =
    consentSettings !== undefined &&
    consentSettings.hasUnmappedDestinations !== true &&
    !(consentSettings.allCategories ?? []).some((c) => prefs[c] === true)
  if (view.model === 'opt-in' && view.pending) return { ...base, allowed: !dropped, reason: 'pending' }
  return dropped ? { ...base, allowed: false, reason: 'missing-consent' } : { ...base, allowed: true, reason: 'consented' }
}

/**
 * The routing rules (README, "How routing works") as one pure function: one decision per
 * destination of the settings, in settings order. The plugin and the panel
 * both call it, so what the panel predicts is what the plugin does.
 */
export function decideRouting(
  settings: CdnSettingsLike,
  state: ConsentState,
  options: RoutingOptions = {},
): RoutingDecision[] {
  const destinations = listDestinations(settings, options.integrationCategoryMappings)
  const view = viewConsent(state, options)
  const prefs = effectivePreferences(view, state, knownCategories(settings, destinations, options.integrationCategoryMappings))
  return destinations.map((info) =>
    info.mode === 'segment' ? decideSegment(settings, view, prefs) : decideDestination(info, view, prefs, options),
  )
}
