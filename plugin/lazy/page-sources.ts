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

/**
 * The snippet's `window.analytics._cdn`, read while analytics-next loads: before 1.74 a snippet page kept
 * its CDN only there (since, also as the instance's settings.cdnURL), and the instance replaces the stub
 * once loaded.
 */
export function snippetCdn(): string | undefined {
  const cdn = (window as { analytics?: { _cdn?: unknown } }).analytics?._cdn
  return typeof cdn === 'string' ? cdn : undefined
}

/** Starts recording the page's sources from the instance analytics-next just built. */
export function watchPage(instance: AnalyticsLike, sources: PageSources): void {
  sources.cdn = instance.settings.cdnURL ?? sources.cdn
  const add = instance.addDestinationMiddleware
  if (add) {
    instance.addDestinationMiddleware = function (this: AnalyticsLike, name, ...fns) {
      sources.middleware.push([name, fns])
      return add.call(this, name, ...fns)
    }
  }
}
