import type { AnalyticsLike, InitOptionsLike } from '../analytics-slice'
import type { Routing } from '../enforcement/routing-table'
import type { DestinationLoadState } from '../../shared/protocol/protocol'
import type { CdnSettingsLike } from '../../shared/routing/types'
import { isInstallableIntegration } from '../../shared/routing/destinations'
import { withoutDestinationCode } from './defer-settings'

/**
 * The longest an event waits for lazily loaded destination code to arrive
 * and register. Past it the event goes on without that destination, which
 * receives the events after its registration.
 */
export const MAX_EVENT_WAIT_MS = 3000

export type LazyReport = (action: 'deferred' | 'lazy-loaded' | 'failed', destination: string, error?: string) => void

/**
 * Opt-in lazy loading of CDN destinations. `loadOptions()` keeps the code of
 * every device-mode destination not consented at start-up from running;
 * `update()` loads each one the moment a routing decision allows it.
 */
export class LazyDestinations {
  private original: CdnSettingsLike | undefined
  private userOptions: InitOptionsLike = {}
  private analytics: AnalyticsLike | undefined
  private readonly states = new Map<string, DestinationLoadState>()
  private inFlight = new Set<Promise<void>>()

  constructor(
    private readonly decideAtStart: (settings: CdnSettingsLike) => Routing | undefined,
    private readonly report: LazyReport,
  ) {}

  /** The caller's load options with our `updateCDNSettings` composed in (theirs runs first). */
  loadOptions(options: InitOptionsLike = {}): InitOptionsLike {
    this.userOptions = options
    const theirs = options.updateCDNSettings
    return {
      ...options,
      updateCDNSettings: (settings: CdnSettingsLike) => {
        const updated: CdnSettingsLike = theirs ? theirs(settings) : settings
        this.original = updated
        const routing = this.decideAtStart(updated)
        const deferred = new Set(
          (routing?.decisions ?? [])
            .filter((d) => d.mode === 'device' && !d.allowed && this.hasCode(updated, d.destination))
            .map((d) => d.destination),
        )
        for (const name of deferred) {
          this.states.set(name, 'lazy')
          this.report('deferred', name)
        }
        return withoutDestinationCode(updated, deferred)
      },
    }
  }

  /** The settings as the CDN (and the caller's hook) gave them, before any deferral. */
  originalSettings(): CdnSettingsLike | undefined {
    return this.original
  }

  loadState(name: string): DestinationLoadState | undefined {
    return this.states.get(name)
  }

  attach(analytics: AnalyticsLike): void {
    this.analytics = analytics
  }

  /** Starts loading every waiting destination that `routing` now allows. */
  update(routing: Routing): void {
    if (!this.analytics || !this.original) return
    for (const d of routing.decisions) {
      if (d.allowed && this.states.get(d.destination) === 'lazy') this.start(d.destination)
    }
  }

  /**
   * Resolves once every destination whose load started so far is registered
   * (so the next event reaches it) or has failed, or after at most
   * `MAX_EVENT_WAIT_MS`: events wait for a destination's code to arrive,
   * never for it to become ready (a vendor that never gets ready must not
   * stall every event), and a stalled download holds them only so long.
   */
  settled(): Promise<void> | undefined {
    if (!this.inFlight.size) return undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, MAX_EVENT_WAIT_MS)))
    return Promise.race([Promise.all(this.inFlight).then(() => undefined), deadline]).finally(() => clearTimeout(timer))
  }

  private hasCode(settings: CdnSettingsLike, name: string): boolean {
    if (settings.remotePlugins?.some((p) => p.creationName === name)) return true
    const entry = settings.integrations[name]
    return entry !== undefined && isInstallableIntegration(name, entry)
  }

  private start(name: string): void {
    this.states.set(name, 'not-loaded')
    const failed = (error: unknown) => {
      this.states.set(name, 'failed')
      this.report('failed', name, error instanceof Error ? error.message : String(error))
    }
    const registered = this.load(name).then(({ ready }) => {
      ready.then(() => {
        this.states.set(name, 'loaded')
        this.report('lazy-loaded', name)
      }, failed)
    }, failed)
    this.inFlight.add(registered)
    void registered.finally(() => this.inFlight.delete(registered))
  }

  /** Fetches the destination's code and registers it; the loaders are a separate chunk, paid for only when used. */
  private async load(name: string): Promise<{ ready: Promise<unknown> }> {
    const { loadDestination } = await import('./destination-loaders')
    return loadDestination(this.analytics!, this.original!, this.userOptions.integrations ?? {}, name)
  }
}
