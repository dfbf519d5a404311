import type { PluginLike } from '../analytics-slice'

type WithMiddleware = PluginLike & { addMiddleware?: (...fns: unknown[]) => void }

/**
 * Adds to one destination's freshly built plugins the destination middleware
 * the site registered before they existed, in its order, matched as
 * analytics-next's `addDestinationMiddleware` matches (core/analytics:
 * the plugin name case-insensitively, or `*`). The loader attached the
 * Destination Filters first, as at start-up. Returns how many apply.
 */
export function applyRecordedMiddleware(name: string, plugins: PluginLike[], recorded: ReadonlyArray<unknown[]>): number {
  const fns = recorded
    .filter(([target]) => target === '*' || (typeof target === 'string' && target.toLowerCase() === name.toLowerCase()))
    .flatMap(([, ...f]) => f)
  if (fns.length) for (const plugin of plugins as WithMiddleware[]) plugin.addMiddleware?.(...fns)
  return fns.length
}
