/**
 * Routing for pages without the plugin: what Segment would decide from the
 * consent object an event carries, using the shared `decideRouting`. The
 * stamped map already holds effective values (true = counts), so it is read
 * as a decided opt-in state. An event without a consent object is not
 * filtered by Segment at all, so everything is predicted as delivered.
 */
import type { PluginMessages } from '../protocol/protocol'
import { decideRouting } from './decide-routing'
import type { CdnSettingsLike, ConsentState, IntegrationSettingsLike, RoutingDecision } from './types'

type SettingsBody = Pick<PluginMessages['settings'], 'destinations' | 'allCategories' | 'hasConsentSettings' | 'hasUnmappedDestinations'>

/** Rebuilds the slice of CDN settings routing reads from a settings message. */
export function settingsLike(settings: SettingsBody): CdnSettingsLike {
  const integrations: Record<string, IntegrationSettingsLike> = {}
  for (const d of settings.destinations) {
    if (d.mode === 'segment') integrations[d.destination] = {}
    else integrations[d.destination] = { type: d.mode === 'device' ? 'browser' : 'server', consentSettings: { categories: d.categories } }
  }
  return {
    integrations,
    ...(settings.hasConsentSettings
      ? { consentSettings: { allCategories: settings.allCategories, hasUnmappedDestinations: settings.hasUnmappedDestinations ?? false } }
      : {}),
  }
}

export function predictRouting(settings: SettingsBody | undefined, consent: Record<string, boolean> | null): RoutingDecision[] {
  if (!settings) return []
  const state: ConsentState = consent
    ? { status: 'decided', categories: consent, model: 'opt-in', source: 'event' }
    : { status: 'decided', categories: {}, model: 'opt-out', source: 'none' }
  return decideRouting(settingsLike(settings), state)
}
