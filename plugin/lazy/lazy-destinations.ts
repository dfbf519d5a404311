import type { AnalyticsLike, InitOptionsLike } from '../analytics-slice'
import type { Routing } from '../enforcement/routing-table'
import type { DestinationLoadState } from '../../shared/protocol/protocol'
import type { CdnSettingsLike } from '../../shared/routing/types'
import { isInstallableIntegration } from '../../shared/routing/destinations'
import { withoutDestinationCode } from './defer-settings'
import type { LoadDetails } from './load-outcome'
import type { PageSources } from './page-sources'

/**
 * The longest an event waits for lazily loaded destination code to arrive
 * and register. Past it the event goes on without that destination, which
 * receives the events after its registration.
 */
export const MAX_EVENT_WAIT_MS = 3000

export type LazyAction = 'deferred' | 'lazy-loaded' | 'failed'
export type LazyReport = (action: LazyAction, destination: string, details?: LoadDetails) => void

export interface LazyDestinations {
  /** The caller's load options with our `updateCDNSettings` composed in (theirs runs first). */
  loadOptions(options?: InitOptionsLike): InitOptionsLike
  /** The settings as the CDN (and the caller's hook) gave them, before any deferral. */
  originalSettings(): CdnSettingsLike | undefined
  loadState(name: string): DestinationLoadState | undefined
  attach(analytics: AnalyticsLike): void
  /** `guard.plugins()`: the site's `plugins`, unchanged; the plugin factories among them are kept for later loads. */
  plugins<T extends unknown[]>(plugins: T): T
  /** Starts loading every waiting destination that `routing` now allows. */
  update(routing: Routing): void
  /**
   * Resolves once every destination whose load started so far is registered
   * (so the next event reaches it) or has failed, or after at most
   * `MAX_EVENT_WAIT_MS`: events wait for a destination's code to arrive,
   * never for it to become ready (a vendor that never gets ready must not
   * stall every event), and a stalled download holds them only so long.
   */
  settled(): Promise<void> | undefined
}

/**
 * Opt-in lazy loading of CDN destinations. `loadOptions()` keeps the code of
 * every device-mode destination not consented at start-up from running;
 * `update()` loads each one the moment a routing decision allows it. What
 * fetching and registering takes lives in the loaders chunk, which a page
 * downloads only when a waiting destination gets its consent.
 */
export function lazyDestinations(decideAtStart: (settings: CdnSettingsLike) => Routing | undefined, report: LazyReport): LazyDestinations {
  const states = new Map<string, DestinationLoadState>()
  let original: CdnSettingsLike | undefined
  const page: PageSources = { middleware: [] }
  let analytics: AnalyticsLike | undefined
  let loads: Promise<unknown> | undefined

  const hasCode = (settings: CdnSettingsLike, name: string) => {
    const entry = settings.integrations[name]
    return settings.remotePlugins?.some((p) => p.creationName === name) || (entry !== undefined && isInstallableIntegration(name, entry))
  }

  return {
    loadOptions(options = {}) {
      const theirs = options.updateCDNSettings
      return {
        ...options,
        updateCDNSettings(settings: CdnSettingsLike) {
          const updated: CdnSettingsLike = theirs ? theirs(settings) : settings
          original = updated
          // A snippet page's CDN, `window.analytics._cdn`: the stub is replaced once analytics-next has loaded,
          // and before 1.74 analytics-next keeps it nowhere else (since, also as settings.cdnURL).
          page.cdn = (window as { analytics?: { _cdn?: unknown } }).analytics?._cdn
          const deferred = new Set<string>()
          for (const d of decideAtStart(updated)?.decisions ?? []) {
            if (d.mode !== 'device' || d.allowed || !hasCode(updated, d.destination)) continue
            deferred.add(d.destination)
            states.set(d.destination, 'lazy')
            report('deferred', d.destination)
          }
          return withoutDestinationCode(updated, deferred)
        },
      }
    },
    originalSettings: () => original,
    loadState: (name) => states.get(name),
    attach(instance) {
      analytics = instance
      // Destination middleware reaches only the destinations registered when it is added: keep it for the waiting ones.
      const add = instance.addDestinationMiddleware
      if (add && states.size) instance.addDestinationMiddleware = (...call) => (page.middleware.push(call), add.apply(instance, call))
    },
    plugins: (given) => (page.factories = given),
    update(routing) {
      if (!analytics || !original) return
      const due = routing.decisions.filter((d) => d.allowed && states.get(d.destination) === 'lazy').map((d) => d.destination)
      if (!due.length) return
      for (const name of due) states.set(name, 'not-loaded')
      // Narrowed here: the chunk arrives later, and these never go back to undefined.
      const instance = analytics
      const settings = original
      const batch = import('./destination-loaders').then(
        ({ loadDestinations }) => loadDestinations(instance, settings, due, states, report, page),
        (error: unknown) => due.forEach((name) => (states.set(name, 'failed'), report('failed', name, { error: String(error) }))),
      )
      const all = loads ? Promise.all([loads, batch]) : batch
      loads = all
      void all.then(() => loads === all && (loads = undefined))
    },
    settled() {
      if (!loads) return undefined
      let timer: ReturnType<typeof setTimeout> | undefined
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, MAX_EVENT_WAIT_MS)))
      return Promise.race([loads.then(() => undefined), deadline]).finally(() => clearTimeout(timer))
    },
  }
}
