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

/**
 * The plugin's view of routing: the settings' destinations (from the
 * original, unfiltered CDN settings) plus destination plugins the site
 * registered itself, decided by the shared rules and cached until the state
 * or the set of destinations changes.
 */
export class RoutingTable {
  private settings: CdnSettingsLike = { integrations: {} }
  private fromSettings: DestinationInfo[] = []
  private locals: DestinationInfo[] = []
  private cached: Routing | undefined

  constructor(
    private readonly options: RoutingOptions & { enforceCloudMode: boolean },
    private readonly extraCategories: (name: string) => string[] | undefined = () => undefined,
  ) {}

  setSettings(settings: CdnSettingsLike): void {
    this.settings = settings
    this.fromSettings = listDestinations(settings, this.options.integrationCategoryMappings)
    this.cached = undefined
  }

  hasSettings(): boolean {
    return this.fromSettings.length > 0 || Object.keys(this.settings.integrations ?? {}).length > 0
  }

  isSettingsDestination(name: string): boolean {
    return this.fromSettings.some((d) => d.destination === name)
  }

  destinations(): DestinationInfo[] {
    return [...this.fromSettings, ...this.locals]
  }

  /** Local destination plugins: their categories come only from the mappings (or `defer`). */
  setLocalDestinations(names: string[]): void {
    const fresh = names.filter((n) => !this.isSettingsDestination(n))
    if (fresh.length === this.locals.length && fresh.every((n, i) => this.locals[i].destination === n)) return
    this.locals = fresh.map((destination) => ({
      destination,
      mode: 'device' as const,
      categories: this.extraCategories(destination) ?? this.options.integrationCategoryMappings?.[destination] ?? [],
    }))
    this.cached = undefined
  }

  routingFor(state: ConsentState): Routing {
    if (this.cached && this.cached.state === state) return this.cached
    const all = this.destinations()
    const view = viewConsent(state, this.options)
    const preferences = effectivePreferences(view, state, knownCategories(this.settings, all, this.options.integrationCategoryMappings))
    const decisions = all.map((info) =>
      info.mode === 'segment' ? decideSegment(this.settings, view, preferences) : decideDestination(info, view, preferences, this.options),
    )
    const blocked = decisions
      .filter((d) => !d.allowed && (d.mode === 'device' || (d.mode === 'cloud' && this.options.enforceCloudMode)))
      .map((d) => d.destination)
    const segment = decisions.find((d) => d.mode === 'segment')
    this.cached = { state, decisions, preferences, blocked, segmentAllowed: segment ? segment.allowed : true }
    return this.cached
  }
}
