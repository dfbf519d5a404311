import type { AnalyticsLike, InitOptionsLike, PluginLike } from '../analytics-slice'
import type { Routing } from '../enforcement/routing-table'
import type { DestinationLoadState } from '../../shared/protocol/protocol'
import type { CdnSettingsLike } from '../../shared/routing/types'
import { isInstallableIntegration } from '../../shared/routing/destinations'
import { withoutDestinationCode } from './defer-settings'

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

  /** Resolves once every load started so far has registered or failed. */
  settled(): Promise<void> | undefined {
    return this.inFlight.size ? Promise.all(this.inFlight).then(() => undefined) : undefined
  }

  private hasCode(settings: CdnSettingsLike, name: string): boolean {
    if (settings.remotePlugins?.some((p) => p.creationName === name)) return true
    const entry = settings.integrations[name]
    return entry !== undefined && isInstallableIntegration(name, entry)
  }

  private start(name: string): void {
    this.states.set(name, 'not-loaded')
    const job = this.load(name).then(
      () => {
        this.states.set(name, 'loaded')
        this.report('lazy-loaded', name)
      },
      (error: unknown) => {
        this.states.set(name, 'failed')
        this.report('failed', name, error instanceof Error ? error.message : String(error))
      },
    )
    this.inFlight.add(job)
    void job.finally(() => this.inFlight.delete(job))
  }

  private async load(name: string): Promise<void> {
    const analytics = this.analytics!
    const settings = this.original!
    const userIntegrations = (this.userOptions.integrations ?? {}) as Record<string, unknown>
    const own = (key: string) => {
      const v = userIntegrations[key]
      return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {}
    }
    // The loaders are a separate chunk: a page pays for them only when a waiting destination gets consent.
    const { loadActionDestination, classicDestination } = await import('./destination-loaders')
    const remote = settings.remotePlugins?.find((p) => p.creationName === name)
    if (remote) return loadActionDestination(analytics, remote, { ...own(remote.name) })
    const entry = settings.integrations[name]
    const versionSettings = (entry.versionSettings ?? {}) as { override?: string; version?: string }
    const version = versionSettings.override ?? versionSettings.version ?? 'latest'
    const plugin: PluginLike = classicDestination(name, version, analytics.settings.cdnURL ?? 'https://cdn.segment.com', {
      ...entry,
      ...own(name),
    })
    // Loading is awaited here (analytics-next does not await destination loads) so a failure is reported.
    await plugin.load(undefined, analytics)
    await analytics.register(plugin)
  }
}
