import type { AnalyticsLike, InitOptionsLike } from '../analytics-slice'
import type { Routing } from '../enforcement/routing-table'
import type { DestinationLoadState } from '../../shared/protocol/protocol'
import type { CdnSettingsLike } from '../../shared/routing/types'
import { isInstallableIntegration } from '../../shared/routing/destinations'
import type { Deferral, LazyReport } from './lazy-deferral'
import type { PageSources } from './page-sources'

/**
 * The longest an event waits for lazily loaded destination code to arrive
 * and register. Past it the event goes on without that destination, which
 * receives the events after its registration.
 */
export const MAX_EVENT_WAIT_MS = 3000


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
 * `update()` loads each one the moment a routing decision allows it. Only
 * the composition of the load hooks is loaded up front: analytics-next calls
 * `updateCDNSettings` (synchronous: we hand it a copy of our own) and then
 * awaits `disable`, where, only if some device-mode destination lacks
 * consent, the deferral chunk arrives and takes their code out of that copy.
 */
export function lazyDestinations(decideAtStart: (settings: CdnSettingsLike) => Routing | undefined, report: LazyReport): LazyDestinations {
  let original: CdnSettingsLike | undefined
  const page: PageSources = { middleware: [] }
  let analytics: AnalyticsLike | undefined
  let deferral: Deferral | undefined

  const deferUnconsented = async (working: CdnSettingsLike, integrations: InitOptionsLike['integrations']) => {
    const unconsented = original && decideAtStart(original)?.decisions.filter((d) => d.mode === 'device' && !d.allowed)
    if (!original || !unconsented?.length) return
    try {
      deferral = (await import('./lazy-deferral')).deferDestinations(original, unconsented, report, MAX_EVENT_WAIT_MS, isInstallableIntegration, integrations)
      Object.assign(working, deferral.settings)
    } catch {
      // Without the deferral's code the destinations load as analytics-next would; the plugin still
      // blocks them per event, and its `loaded-without-consent` warning names them.
    }
  }

  return {
    loadOptions(options = {}) {
      const theirs = options.updateCDNSettings
      const theirDisable = options.disable
      const composed: InitOptionsLike = {
        ...options,
        updateCDNSettings(settings: CdnSettingsLike) {
          original = theirs ? theirs(settings) : settings
          // A snippet page's CDN, `window.analytics._cdn`: the stub is replaced once analytics-next has loaded,
          // and before 1.74 analytics-next keeps it nowhere else (since, also as settings.cdnURL).
          page.cdn = (window as { analytics?: { _cdn?: unknown } }).analytics?._cdn
          return { ...original }
        },
      }
      // `disable: true` stops analytics-next before any hook runs: leave it as given.
      if (theirDisable !== true) {
        composed.disable = async (working: CdnSettingsLike) => {
          if (typeof theirDisable === 'function' && (await theirDisable(working))) return true
          await deferUnconsented(working, options.integrations)
          return false
        }
      }
      return composed
    },
    originalSettings: () => original,
    loadState: (name) => deferral?.loadState(name),
    attach(instance) {
      analytics = instance
      // Destination middleware reaches only the destinations registered when it is added: keep it for the waiting ones.
      const add = instance.addDestinationMiddleware
      if (add && deferral) instance.addDestinationMiddleware = (...call) => (page.middleware.push(call), add.apply(instance, call))
    },
    plugins: (given) => (page.factories = given),
    update(routing) {
      if (analytics) deferral?.update(routing, analytics, page)
    },
    settled: () => deferral?.settled(),
  }
}
