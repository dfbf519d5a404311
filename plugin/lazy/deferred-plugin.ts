import type { PluginLike } from '../analytics-slice'

export interface DeferredPlugin extends PluginLike {
  /** Calls the wrapped plugin's `load` if it has not been called yet. */
  loadNow(): Promise<unknown>
  readonly loadStarted: boolean
}

/**
 * `guard.defer(plugin)`: a destination plugin that analytics-next registers
 * at once but whose own `load` (where vendor code would run) is called only
 * when consent allows it. Until then events are blocked per event anyway.
 */
export function deferPlugin(plugin: PluginLike, mayLoad: () => boolean, onLoadFailed: (error: unknown) => void): DeferredPlugin {
  let loading: Promise<unknown> | undefined
  let context: [unknown, unknown] | undefined
  const loadNow = () => {
    if (!context) return Promise.resolve()
    return (loading ??= Promise.resolve()
      .then(() => plugin.load(context![0], context![1]))
      .catch((error) => {
        onLoadFailed(error)
        throw error
      }))
  }
  const forward = (method: 'track' | 'page' | 'identify' | 'group' | 'alias' | 'screen') => async (ctx: unknown) => {
    const hook = plugin[method]
    if (!hook) return ctx
    await loadNow()
    return hook.call(plugin, ctx)
  }
  return {
    name: plugin.name,
    version: plugin.version,
    type: 'destination',
    alternativeNames: plugin.alternativeNames,
    isLoaded: () => loading !== undefined && plugin.isLoaded(),
    async load(ctx, analytics) {
      context = [ctx, analytics]
      if (mayLoad()) await loadNow()
    },
    unload: (ctx, analytics) => plugin.unload?.(ctx, analytics),
    loadNow,
    get loadStarted() {
      return loading !== undefined
    },
    track: forward('track'),
    page: forward('page'),
    identify: forward('identify'),
    group: forward('group'),
    alias: forward('alias'),
    screen: forward('screen'),
  }
}
