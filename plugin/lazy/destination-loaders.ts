/**
 * The on-demand chunk that loads a waiting destination's code after start-up
 * (see lazy-destinations.ts). It runs the site's own analytics-next loaders,
 * called the way its browser/index.js calls them at start-up, so a
 * destination loaded on grant is built exactly like one loaded at start:
 * - action destinations: plugins/remote-loader `remoteLoader` (bundle URL
 *   moved to the CDN analytics-next uses, the btoa'd path first with
 *   `obfuscate`, the site's plugin factories instead of the CDN);
 * - classic destinations: plugins/ajs-destination `ajsDestinations`;
 * - Destination Filters: plugins/routing-middleware `tsubMiddleware` over the
 *   settings' `middlewareSettings.routingRules`, attached by those loaders.
 * - a destination the site switched off in the load option `integrations`
 *   never loads (switched-off.ts, analytics-next's rules).
 * Deep imports: analytics-next has no exports map; the README lists the
 * versions these paths are tested with.
 */
import { ajsDestinations } from '@segment/analytics-next/dist/pkg/plugins/ajs-destination/index.js'
import { remoteLoader } from '@segment/analytics-next/dist/pkg/plugins/remote-loader/index.js'
import { tsubMiddleware } from '@segment/analytics-next/dist/pkg/plugins/routing-middleware/index.js'
import { mergedOptions } from '@segment/analytics-next/dist/pkg/lib/merged-options.js'
import { setGlobalCDNUrl } from '@segment/analytics-next/dist/pkg/lib/parse-cdn.js'
import type { AnalyticsLike, PluginLike } from '../analytics-slice'
import type { DestinationLoadState } from '../../shared/protocol/protocol'
import type { CdnSettingsLike } from '../../shared/routing/types'
import { codeSource } from './code-source'
import { switchedOff } from './switched-off'
import { settleLoad, type LoadReport } from './load-outcome'
import type { PageSources } from './page-sources'
import { applyRecordedMiddleware } from './recorded-middleware'

interface RoutingRule {
  destinationName?: string
  transformers?: Array<Array<{ type?: unknown }>>
}

/**
 * Loads each named destination; resolves once every one is registered (so
 * the next event reaches it), failed, or found switched off by the site (it
 * then never loads, as at start-up, and stays `not-loaded`).
 */
export function loadDestinations(
  analytics: AnalyticsLike,
  settings: CdnSettingsLike,
  names: string[],
  states: Map<string, DestinationLoadState>,
  report: LoadReport,
  page: PageSources,
): Promise<unknown> {
  const settle = settleLoad(states, report)
  // analytics-next resolved its CDN once at load (cdnURL, `_cdn`, or the snippet's origin); its loaders read
  // it from their module's copy, which may not be the copy that loaded (a snippet, a second bundle).
  // Since 1.74 analytics-next keeps it as settings.cdnURL; before, a snippet page had it only on the stub.
  const cdn = analytics.settings.cdnURL ?? page.cdn
  if (typeof cdn === 'string') setGlobalCDNUrl(cdn)
  // What analytics-next counts as a plugin source (browser/index.js): a function with a string `pluginName`.
  const factories = (page.factories ?? []).filter((f) => typeof f === 'function' && typeof (f as { pluginName?: unknown }).pluginName === 'string')
  const rules = (settings.middlewareSettings as { routingRules?: RoutingRule[] } | undefined)?.routingRules ?? []
  const routing = rules.length ? tsubMiddleware(rules) : undefined
  return Promise.all(
    names.map((name) => {
      const failed = (error: unknown) => settle(name, 'failed', { error: error instanceof Error ? error.message : String(error) })
      return loadDestination(analytics, settings, name, routing, { ...page, factories }).then((outcome) => {
        if (outcome === 'switched-off') return
        const filters = rules.filter((r) => r.destinationName === name).flatMap((r) => r.transformers?.flat().map((t) => String(t.type)) ?? [])
        outcome.ready.then(() => {
          const from = outcome.loadedFrom()
          settle(name, 'loaded', { ...(from ? { loadedFrom: from } : {}), middleware: outcome.middleware, filters })
        }, failed)
      }, failed)
    }),
  )
}

/** Builds one destination's plugins with analytics-next's loader, registers them; `ready` settles with their `load`. */
async function loadDestination(
  analytics: AnalyticsLike,
  settings: CdnSettingsLike,
  name: string,
  routing: unknown,
  page: PageSources & { factories: unknown[] },
): Promise<{ ready: Promise<unknown>; middleware: number; loadedFrom: () => string | undefined } | 'switched-off'> {
  const options = analytics.options ?? {}
  const integrations = analytics.integrations ?? {}
  const remote = settings.remotePlugins?.find((p) => p.creationName === name)
  // Not deferred at start-up (see deferDestinations), so met here only if the options changed since: still never loaded.
  if (switchedOff(name, settings, integrations)) return 'switched-off'
  let plugins: PluginLike[]
  if (remote) {
    const merged = mergedOptions(settings, options)
    plugins = (await remoteLoader({ ...settings, remotePlugins: [remote] }, integrations, merged, options, routing, page.factories)) as PluginLike[]
    // remoteLoader logs a failed fetch or factory to the console and returns nothing for it.
    if (!plugins.length) throw new Error(`${name}: its code did not load (analytics-next's remote loader logged why in the console)`)
  } else {
    const one = { ...settings, integrations: { [name]: settings.integrations[name] } }
    plugins = ajsDestinations(analytics.settings.writeKey ?? '', one, integrations, options, routing) as PluginLike[]
    if (!plugins.length) throw new Error(`${name}: analytics-next's classic loader would not install it`)
  }
  const middleware = applyRecordedMiddleware(name, plugins, page.middleware)
  // analytics-next's queue calls each destination's `load` once, at register, without awaiting it: hear it.
  const ready = plugins.map(
    (p) =>
      new Promise((resolve, reject) => {
        const load = p.load
        p.load = function (this: PluginLike, ctx, instance) {
          const started = load.call(this, ctx, instance)
          started.then(resolve, reject)
          return started
        }
      }),
  )
  await analytics.register(...plugins)
  const fromFactory = remote !== undefined && page.factories.some((f) => (f as { pluginName?: unknown }).pluginName === remote.name)
  return { ready: Promise.all(ready), middleware, loadedFrom: () => codeSource(name, remote?.url, fromFactory) }
}
