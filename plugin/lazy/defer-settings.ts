import type { isInstallableIntegration } from '../../shared/routing/destinations'
import type { CdnSettingsLike } from '../../shared/routing/types'

/**
 * The CDN settings analytics-next loads with, minus the code of deferred
 * destinations. No `integrations` key is deleted: `_metadata.bundled` is
 * computed from them, and Segment's servers must keep treating a waiting
 * destination as device-mode, never deliver it in its place. A classic
 * integration is made non-installable instead (its `bundlingStatus` stays);
 * an action destination is left out of `remotePlugins`. `installable` is
 * shared/routing's `isInstallableIntegration`, passed in: this runs in an
 * on-demand chunk, and a module it imported along with the up-front code
 * would become a chunk of its own, downloaded up front.
 */
export function withoutDestinationCode(
  settings: CdnSettingsLike,
  deferred: ReadonlySet<string>,
  installable: typeof isInstallableIntegration,
): CdnSettingsLike {
  if (deferred.size === 0) return settings
  const integrations = { ...settings.integrations }
  for (const name of deferred) {
    const entry = integrations[name]
    if (!entry || !installable(name, entry)) continue
    const componentTypes = entry.versionSettings?.componentTypes?.filter((t) => t !== 'browser') ?? []
    integrations[name] = { ...entry, type: 'server', versionSettings: { ...entry.versionSettings, componentTypes } }
  }
  const remotePlugins = settings.remotePlugins?.filter((p) => !deferred.has(p.creationName))
  return { ...settings, integrations, ...(remotePlugins ? { remotePlugins } : {}) }
}
