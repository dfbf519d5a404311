/**
 * Test-only: what the plugin records for one event, built with the same
 * shared rules the plugin's routing table uses (listDestinations, then
 * decideDestination / decideSegment over the effective preferences), and
 * the hello / settings / consent messages around it.
 */
import type { Diagnostic } from '../../../shared/protocol/protocol'
import { effectivePreferences, viewConsent } from '../../../shared/routing/category-rule'
import { decideDestination, decideSegment, knownCategories } from '../../../shared/routing/decide-routing'
import { listDestinations, type DestinationInfo } from '../../../shared/routing/destinations'
import type { CdnSettingsLike, ConsentState, RoutingOptions } from '../../../shared/routing/types'
import { PluginSession } from '../../test-support/diagnostics'

export interface PluginSetup {
  settings: CdnSettingsLike
  /** Destination plugins the site registered itself, with `defer` categories if any. */
  locals?: Array<{ name: string; categories?: string[] }>
  options: Omit<RoutingOptions, 'categoryRule'> & { categoryRule?: 'all' | 'any' | 'function' }
}

/** The messages a plugin instance posts for one event under `state`: hello, settings, consent, event. */
export function recordEvent(setup: PluginSetup, state: ConsentState, name = 'Order Completed', p = new PluginSession()): Diagnostic[] {
  const { settings, options } = setup
  const mappings = options.integrationCategoryMappings
  const fromSettings = listDestinations(settings, mappings)
  const locals: DestinationInfo[] = (setup.locals ?? [])
    .filter((l) => !fromSettings.some((d) => d.destination === l.name))
    .map((l) => ({ destination: l.name, mode: 'device', categories: l.categories ?? mappings?.[l.name] ?? [] }))
  const all = [...fromSettings, ...locals]
  const rule = options.categoryRule === 'function' ? (required: string[], prefs: Record<string, boolean>) => required.some((c) => prefs[c]) : options.categoryRule
  const routing: RoutingOptions = { ...options, categoryRule: rule }
  const view = viewConsent(state, routing)
  const preferences = effectivePreferences(view, state, knownCategories(settings, all, mappings))
  const decisions = all.map((info) => (info.mode === 'segment' ? decideSegment(settings, view, preferences) : decideDestination(info, view, preferences, routing)))
  const segmentOk = decisions.find((d) => d.mode === 'segment')?.allowed ?? true
  const outcomes = decisions.map((d) => {
    const ok = d.mode === 'device' ? d.allowed : d.mode === 'cloud' ? d.allowed && segmentOk : segmentOk
    return { destination: d.destination, outcome: ok ? ('delivered' as const) : ('blocked' as const) }
  })
  const localNames = new Set(locals.map((l) => l.destination))
  return [
    p.next('hello', {
      pluginVersion: '0.0.0',
      analyticsVersion: '1.84.3',
      url: 'http://127.0.0.1/',
      options: {
        cmp: 'test',
        consentModel: options.consentModel ?? null,
        categoryRule: options.categoryRule ?? 'all',
        unmappedDestinations: options.unmappedDestinations ?? 'allow',
        gpc: options.gpc ? { deny: [...options.gpc.deny] } : false,
        integrationCategoryMappings: { ...mappings },
      },
    }),
    p.next('settings', {
      destinations: all.map((d) => ({ destination: d.destination, mode: d.mode, categories: d.categories, ...(localNames.has(d.destination) ? { local: true } : {}) })),
      allCategories: settings.consentSettings?.allCategories ?? [],
      hasConsentSettings: settings.consentSettings !== undefined,
      ...(typeof settings.consentSettings?.hasUnmappedDestinations === 'boolean' ? { hasUnmappedDestinations: settings.consentSettings.hasUnmappedDestinations } : {}),
    }),
    p.next('consent', { cmp: 'test', state, preferences }),
    p.next('event', { messageId: `m-${name}`, type: 'track', name, consent: preferences, status: state.status, decisions, outcomes }),
  ]
}
