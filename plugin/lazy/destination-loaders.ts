/**
 * The on-demand chunk that loads destination code after start-up (see
 * lazy-destinations.ts): an action destination from its `remotePlugins` URL,
 * a classic one from the CDN, each registered with analytics-next.
 */
import type { AnalyticsLike } from '../analytics-slice'
import type { CdnSettingsLike } from '../../shared/routing/types'
import { loadActionDestination } from './action-destination'
import { classicDestination, fetchClassicIntegration } from './classic-destination'


/** Fetches one waiting destination's code and registers it; `ready` settles when its own `load` does. */
export async function loadDestination(
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
