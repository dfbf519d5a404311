/**
 * The on-demand chunk that loads destination code after start-up (see
 * lazy-destinations.ts): an action destination from its `remotePlugins` URL,
 * a classic one from the CDN, each registered with analytics-next.
 */
import type { AnalyticsLike } from '../analytics-slice'
import type { CdnSettingsLike } from '../../shared/routing/types'
import { loadActionDestination } from './action-destination'
import { classicDestination, fetchClassicIntegration } from './classic-destination'

/**
 * Loads each named destination; resolves once every one is registered (so
 * the next event reaches it) or has failed. `settle` hears each one's end:
 * loaded once its own `load` resolves, failed when the code does not arrive
 * or its `load` rejects.
 */
export function loadDestinations(
  analytics: AnalyticsLike,
  settings: CdnSettingsLike,
  userIntegrations: Record<string, unknown>,
  names: string[],
  settle: (name: string, state: 'loaded' | 'failed', error?: string) => void,
): Promise<unknown> {
  return Promise.all(
    names.map((name) => {
      const failed = (error: unknown) => settle(name, 'failed', error instanceof Error ? error.message : String(error))
      return loadDestination(analytics, settings, userIntegrations, name).then(({ ready }) => {
        ready.then(() => settle(name, 'loaded'), failed)
      }, failed)
    }),
  )
}

/** Fetches one waiting destination's code and registers it; `ready` settles when its own `load` does. */
async function loadDestination(
  analytics: AnalyticsLike,
  settings: CdnSettingsLike,
  userIntegrations: Record<string, unknown>,
  name: string,
): Promise<{ ready: Promise<unknown> }> {
  // The site's own per-destination settings (load options `integrations`) win, as in analytics-next.
  const own = (key: string) => {
    const v = userIntegrations[key]
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {}
  }
  const remote = settings.remotePlugins?.find((p) => p.creationName === name)
  if (remote) return loadActionDestination(analytics, remote, { ...own(remote.name) })
  const entry = settings.integrations[name]
  const versionSettings = (entry.versionSettings ?? {}) as { override?: string; version?: string }
  const version = versionSettings.override ?? versionSettings.version ?? 'latest'
  const Integration = await fetchClassicIntegration(name, version, analytics.settings.cdnURL ?? 'https://cdn.segment.com')
  const plugin = classicDestination(name, version, Integration, { ...entry, ...own(name) })
  await analytics.register(plugin)
  // Memoised: the same promise as the `load` analytics-next's register started (and does not await).
  return { ready: plugin.load(undefined, analytics) }
}
