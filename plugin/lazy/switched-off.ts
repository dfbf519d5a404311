/**
 * Whether the site switched a destination off with the load option
 * `integrations`, by analytics-next's own rules: such a destination never
 * loads, at start-up or later, so lazy loading neither defers nor loads it.
 */
import { isDisabledIntegration } from '@segment/analytics-next/dist/pkg/plugins/ajs-destination/utils.js'
import type { CdnSettingsLike } from '../../shared/routing/types'

type RemotePlugin = NonNullable<CdnSettingsLike['remotePlugins']>[number]

/** As plugins/remote-loader's (unexported) isPluginDisabled: `false` by either name, or `All: false` unless enabled. */
function actionSwitchedOff(integrations: Record<string, unknown>, remote: RemotePlugin): boolean {
  const byCreation = integrations[remote.creationName]
  const byName = integrations[remote.name]
  return byCreation === false || byName === false || (integrations.All === false && !byCreation && !byName)
}

/** Whether `name` is switched off: an action by its remote loader's rule, a classic destination by its classic loader's. */
export function switchedOff(name: string, settings: CdnSettingsLike, integrations: Record<string, unknown>): boolean {
  const remote = settings.remotePlugins?.find((p) => p.creationName === name)
  return remote ? actionSwitchedOff(integrations, remote) : isDisabledIntegration(name, integrations)
}
