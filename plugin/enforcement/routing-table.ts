import { effectivePreferences, viewConsent } from '../../shared/routing/category-rule'
import { decideDestination, decideSegment, knownCategories } from '../../shared/routing/decide-routing'
import { listDestinations, type DestinationInfo } from '../../shared/routing/destinations'
import type { CdnSettingsLike, ConsentState, RoutingDecision, RoutingOptions } from '../../shared/routing/types'

/** Everything per-event code needs, computed once per (state, destinations). */
export interface Routing {
  state: ConsentState
  decisions: RoutingDecision[]
  /** The effective map stamped as `categoryPreferences`. */
  preferences: Record<string, boolean>
  /** Device-mode (and, with enforceCloudMode, cloud-mode) destinations to switch off per event. */
  blocked: string[]
  segmentAllowed: boolean
}

export interface RoutingTable {
  setSettings(settings: CdnSettingsLike): void
  /** Every destination routing knows: the settings' ones, then local plugins. */
  destinations(): DestinationInfo[]
  /** Local destination plugins: their categories come only from the mappings (or `defer`). */
  setLocalDestinations(names: string[]): void
  routingFor(state: ConsentState): Routing
}

/**
 * The plugin's view of routing: the settings' destinations (from the
 * original, unfiltered CDN settings) plus destination plugins the site
 * registered itself, decided by the shared rules and cached until the state
 * or the set of destinations changes.
 */
export function routingTable(
  options: RoutingOptions & { enforceCloudMode: boolean },
  extraCategories: (name: string) => string[] | undefined = () => undefined,
): RoutingTable {
  let settings: CdnSettingsLike = { integrations: {} }
  let fromSettings: DestinationInfo[] = []
  let locals: DestinationInfo[] = []
  let cached: Routing | undefined
  const destinations = () => [...fromSettings, ...locals]

  return {
    setSettings(next) {
      settings = next
      fromSettings = listDestinations(next, options.integrationCategoryMappings)
      cached = undefined
    },
    destinations,
    setLocalDestinations(names) {
      const fresh = names.filter((n) => !fromSettings.some((d) => d.destination === n))
      if (fresh.length === locals.length && fresh.every((n, i) => locals[i].destination === n)) return
      locals = fresh.map((destination) => ({
        destination,
        mode: 'device' as const,
        categories: extraCategories(destination) ?? options.integrationCategoryMappings?.[destination] ?? [],
      }))
      cached = undefined
    },
    routingFor(state) {
      if (cached && cached.state === state) return cached
      const all = destinations()
      const view = viewConsent(state, options)
      const preferences = effectivePreferences(view, state, knownCategories(settings, all, options.integrationCategoryMappings))
      const decisions = all.map((info) =>
        info.mode === 'segment' ? decideSegment(settings, view, preferences) : decideDestination(info, view, preferences, options),
      )
      const blocked = decisions
        .filter((d) => !d.allowed && (d.mode === 'device' || (d.mode === 'cloud' && options.enforceCloudMode)))
        .map((d) => d.destination)
      const segment = decisions.find((d) => d.mode === 'segment')
      return (cached = { state, decisions, preferences, blocked, segmentAllowed: segment ? segment.allowed : true })
    },
  }
}
