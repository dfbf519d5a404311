/**
 * The on-demand part of lazy loading (see lazy-destinations.ts): which
 * destinations wait for consent, the settings analytics-next loads without
 * their code, each one's load state, and starting their loads once consent
 * arrives. A page downloads it only when some device-mode destination lacks
 * consent as analytics-next loads.
 */
import type { AnalyticsLike } from '../analytics-slice'
import type { Routing } from '../enforcement/routing-table'
import type { DestinationLoadState } from '../../shared/protocol/protocol'
import type { CdnSettingsLike, RoutingDecision } from '../../shared/routing/types'
import type { isInstallableIntegration } from '../../shared/routing/destinations'
import { withoutDestinationCode } from './defer-settings'
import { switchedOff } from './switched-off'
import type { LoadDetails } from './load-outcome'
import type { PageSources } from './page-sources'

export type LazyAction = 'deferred' | 'lazy-loaded' | 'failed'
export type LazyReport = (action: LazyAction, destination: string, details?: LoadDetails) => void

export interface Deferral {
  /** The settings analytics-next loads: the original minus the deferred destinations' code. */
  settings: CdnSettingsLike
  loadState(name: string): DestinationLoadState | undefined
  /** Starts loading every waiting destination that `routing` now allows. */
  update(routing: Routing, analytics: AnalyticsLike, page: PageSources): void
  /** See LazyDestinations.settled. */
  settled(): Promise<void> | undefined
}

/**
 * Defers every destination of `unconsented` (device-mode decisions that are
 * not allowed, as the caller filtered them) whose code would run in the page
 * (an action destination, or a classic one analytics-next would install) and
 * that the site did not switch off in `integrations` (analytics-next never
 * loads those, so they do not wait either), reporting each one. The caller
 * hands over shared/routing's `isInstallableIntegration` (see
 * withoutDestinationCode for why).
 */
export function deferDestinations(
  original: CdnSettingsLike,
  unconsented: RoutingDecision[],
  report: LazyReport,
  maxWaitMs: number,
  isInstallable: typeof isInstallableIntegration,
  integrations: Record<string, unknown> = {},
): Deferral {
  const states = new Map<string, DestinationLoadState>()
  let loads: Promise<unknown> | undefined
  const hasCode = (name: string) => {
    const entry = original.integrations[name]
    return original.remotePlugins?.some((p) => p.creationName === name) || (entry !== undefined && isInstallable(name, entry))
  }
  const deferred = new Set<string>()
  for (const d of unconsented) {
    if (!hasCode(d.destination) || switchedOff(d.destination, original, integrations)) continue
    deferred.add(d.destination)
    states.set(d.destination, 'lazy')
    report('deferred', d.destination)
  }

  return {
    settings: withoutDestinationCode(original, deferred, isInstallable),
    loadState: (name) => states.get(name),
    update(routing, analytics, page) {
      const due = routing.decisions.filter((d) => d.allowed && states.get(d.destination) === 'lazy').map((d) => d.destination)
      if (!due.length) return
      for (const name of due) states.set(name, 'not-loaded')
      const batch = import('./destination-loaders').then(
        ({ loadDestinations }) => loadDestinations(analytics, original, due, states, report, page),
        (error: unknown) => due.forEach((name) => (states.set(name, 'failed'), report('failed', name, { error: String(error) }))),
      )
      const all = loads ? Promise.all([loads, batch]) : batch
      loads = all
      void all.then(() => loads === all && (loads = undefined))
    },
    settled() {
      if (!loads) return undefined
      let timer: ReturnType<typeof setTimeout> | undefined
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWaitMs)))
      return Promise.race([loads.then(() => undefined), deadline]).finally(() => clearTimeout(timer))
    },
  }
}
