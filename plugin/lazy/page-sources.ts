import type { AnalyticsLike } from '../analytics-slice'

/**
 * What analytics-next's loaders use at start-up but keep nowhere a later
 * load could read it: the CDN it resolved, the plugin factories passed in
 * `plugins`, and the destination middleware the site added before a
 * waiting destination existed (`addDestinationMiddleware` reaches only the
 * destinations registered when it is called).
 */
export interface PageSources {
  cdn?: string
  factories: unknown[]
  middleware: Array<[string, unknown[]]>
}

/** Starts recording the page's sources from the instance analytics-next just built. */
export function watchPage(instance: AnalyticsLike, sources: PageSources): void {
  // Since 1.74 the CDN analytics-next resolved is settings.cdnURL; before, a snippet page kept it only on
  // the stub `window.analytics._cdn`, which the instance replaces after load.
  const stub = (window as { analytics?: { _cdn?: unknown } }).analytics?._cdn
  sources.cdn = instance.settings.cdnURL ?? (typeof stub === 'string' ? stub : undefined)
  const add = instance.addDestinationMiddleware
  if (add) {
    instance.addDestinationMiddleware = function (this: AnalyticsLike, name, ...fns) {
      sources.middleware.push([name, fns])
      return add.call(this, name, ...fns)
    }
  }
}
