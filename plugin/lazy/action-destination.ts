import type { AnalyticsLike, PluginLike } from '../analytics-slice'
import type { CdnSettingsLike } from '../../shared/routing/types'
import { loadScript } from './load-script'

type RemotePlugin = NonNullable<CdnSettingsLike['remotePlugins']>[number]
type Factory = (settings: unknown) => PluginLike | PluginLike[] | Promise<PluginLike | PluginLike[]>

/**
 * Wraps one action plugin the way analytics-next's own (unexported)
 * ActionDestination does: registered under the destination's creationName,
 * with the action's name as an alternative, so `integrations` flags and
 * routing address it exactly like a destination loaded at start-up.
 */
function wrapAction(creationName: string, action: PluginLike): PluginLike {
  let loading: Promise<unknown> | undefined
  const call = (method: 'track' | 'page' | 'identify' | 'group' | 'alias' | 'screen') => async (ctx: unknown) => {
    const hook = action[method]
    // Like analytics-next, an event waits for the action to finish loading.
    await loading
    if (hook) await hook.call(action, ctx)
    return ctx
  }
  return {
    name: creationName,
    version: action.version,
    type: action.type,
    alternativeNames: [action.name],
    isLoaded: () => action.isLoaded(),
    // A vendor `load` that throws synchronously becomes a rejection, reported like any failed load.
    load: (ctx, analytics) => (loading ??= Promise.resolve().then(() => action.load(ctx, analytics))),
    unload: (ctx, analytics) => action.unload?.(ctx, analytics),
    track: call('track'),
    page: call('page'),
    identify: call('identify'),
    group: call('group'),
    alias: call('alias'),
    screen: call('screen'),
  }
}

/**
 * Loads an action destination's bundle now, builds its plugins and registers
 * them. Resolves once they are registered (so the next event reaches them)
 * with a promise of their own `load`, which analytics-next does not await
 * for destinations and which may take long or never settle.
 */
export async function loadActionDestination(
  analytics: AnalyticsLike,
  remote: RemotePlugin,
  userSettings: Record<string, unknown> | undefined,
): Promise<{ ready: Promise<unknown> }> {
  if (!remote.url || !remote.libraryName) throw new Error(`${remote.creationName}: remotePlugins entry has no url or libraryName`)
  await loadScript(remote.url)
  const factory = (window as unknown as Record<string, unknown>)[remote.libraryName]
  if (typeof factory !== 'function') throw new Error(`${remote.creationName}: window.${remote.libraryName} is not a plugin factory`)
  const built = await (factory as Factory)({ ...(remote.settings as object), ...userSettings })
  const plugins = Array.isArray(built) ? built : [built]
  for (const p of plugins) {
    if (!p || typeof p.load !== 'function' || typeof p.isLoaded !== 'function' || !p.name || !p.type) {
      throw new Error(`${remote.creationName}: the bundle returned something that is not a plugin`)
    }
  }
  const wrapped = plugins.map((p) => wrapAction(remote.creationName, p))
  await analytics.register(...wrapped)
  // `load` is memoised: this is the very call analytics-next's register made.
  return { ready: Promise.all(wrapped.map((w) => w.load(undefined, analytics))) }
}
