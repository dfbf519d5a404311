import type { Json, PluginMessages, DestinationLoadState } from '../../shared/protocol/protocol'
import type { DestinationInfo } from '../../shared/routing/destinations'
import type { CdnSettingsLike } from '../../shared/routing/types'
import type { ResolvedOptions } from '../options/consent-guard-options'

/** The options as plain data for `hello`: functions become `'function'`, the CMP its name. */
export function describeOptions(options: ResolvedOptions, loadOptionsUsed: boolean): Record<string, Json> {
  return {
    cmp: options.cmp.name,
    consentModel: options.consentModel ?? null,
    categoryRule: typeof options.categoryRule === 'function' ? 'function' : options.categoryRule,
    unmappedDestinations: options.unmappedDestinations,
    waitForConsent: { ...options.waitForConsent },
    gpc: options.gpc ? { deny: [...options.gpc.deny] } : false,
    consentChangedEvent: options.consentChangedEvent,
    lazyDestinations: options.lazyDestinations,
    enforceCloudMode: options.enforceCloudMode,
    diagnostics: options.diagnostics,
    integrationCategoryMappings: { ...options.integrationCategoryMappings },
    loadOptionsUsed,
  }
}

/** The `settings` diagnostic: every destination with its mode, categories, hosts and load state. */
export function describeSettings(
  settings: CdnSettingsLike,
  destinations: DestinationInfo[],
  hosts: Record<string, string[]>,
  loadState: (name: string) => DestinationLoadState,
): PluginMessages['settings'] {
  const settingsNames = new Set(Object.keys(settings.integrations ?? {}))
  for (const p of settings.remotePlugins ?? []) settingsNames.add(p.creationName)
  const body: PluginMessages['settings'] = {
    destinations: destinations.map((d) => ({
      destination: d.destination,
      mode: d.mode,
      categories: d.categories,
      ...(hosts[d.destination] ? { hosts: hosts[d.destination] } : {}),
      ...(d.mode === 'device' ? { load: loadState(d.destination) } : {}),
      ...(settingsNames.has(d.destination) ? {} : { local: true }),
    })),
    allCategories: settings.consentSettings?.allCategories ?? [],
    hasConsentSettings: settings.consentSettings !== undefined,
  }
  if (typeof settings.consentSettings?.hasUnmappedDestinations === 'boolean') {
    body.hasUnmappedDestinations = settings.consentSettings.hasUnmappedDestinations
  }
  return body
}
