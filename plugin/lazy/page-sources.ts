/**
 * What analytics-next's loaders use at start-up but keep nowhere a later
 * load could read it, recorded up front by lazy-destinations.ts: a snippet
 * page's CDN (`window.analytics._cdn`), the plugin factories passed in
 * `plugins` (the array given to `guard.plugins()`), and the destination middleware the site
 * added before a waiting destination existed (`addDestinationMiddleware`
 * reaches only the destinations registered when it is called). Checked
 * where used, in the loaders chunk, to keep the up-front part small.
 */
export interface PageSources {
  cdn?: unknown
  /** The `plugins` array given to `guard.plugins()`. */
  factories?: unknown[]
  /** Each `addDestinationMiddleware(name, ...middleware)` call's arguments, in order. */
  middleware: unknown[][]
}
