import type { CdnSettingsLike, DestinationMode, IntegrationSettingsLike } from './types'

/** A destination as routing sees it: where its code runs and what it needs. */
export interface DestinationInfo {
  destination: string
  mode: DestinationMode
  /** Categories after `integrationCategoryMappings` (may be empty: unmapped). */
  categories: string[]
}

export const SEGMENT_IO = 'Segment.io'

/**
 * Mirrors analytics-next's own `isInstallableIntegration`: the classic
 * integrations whose code it would load into the page. Kept in step with it
 * so that "device-mode" means exactly "code runs here".
 */
export function isInstallableIntegration(name: string, settings: IntegrationSettingsLike): boolean {
  const { type, bundlingStatus, versionSettings } = settings
  const componentTypes = versionSettings?.componentTypes
  const deviceMode =
    bundlingStatus !== 'unbundled' &&
    (type === 'browser' || (Array.isArray(componentTypes) && componentTypes.includes('browser')))
  return !name.startsWith('Segment') && name !== 'Iterable' && deviceMode
}

function categoriesFromSettings(settings: IntegrationSettingsLike | undefined): string[] {
  const categories = settings?.consentSettings?.categories
  return Array.isArray(categories) ? categories.filter((c): c is string => typeof c === 'string') : []
}

/**
 * Every destination of the settings, each once: every `integrations` key,
 * then `remotePlugins` by `creationName` that have no `integrations` entry.
 */
export function listDestinations(
  settings: CdnSettingsLike,
  mappings: Record<string, string[]> | undefined,
): DestinationInfo[] {
  const integrations = settings.integrations ?? {}
  const remote = new Set((settings.remotePlugins ?? []).map((p) => p.creationName))
  const names = [...Object.keys(integrations), ...[...remote].filter((n) => !(n in integrations))]
  return names.map((destination) => {
    const entry = integrations[destination]
    const mode: DestinationMode =
      destination === SEGMENT_IO
        ? 'segment'
        : remote.has(destination) || (entry !== undefined && isInstallableIntegration(destination, entry))
          ? 'device'
          : 'cloud'
    const categories = destination === SEGMENT_IO ? [] : (mappings?.[destination] ?? categoriesFromSettings(entry))
    return { destination, mode, categories }
  })
}
