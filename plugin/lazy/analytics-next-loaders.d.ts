/**
 * Types for the analytics-next modules the on-demand loaders chunk imports
 * from the site's own copy of analytics-next (its `dist/pkg`; the package has
 * no exports map, so these deep paths resolve). They are not its public API:
 * the README lists the versions they are tested with. Only what we call is
 * typed, loosely.
 */
declare module '@segment/analytics-next/dist/pkg/plugins/remote-loader/index.js' {
  export function remoteLoader(
    settings: object,
    userIntegrations: Record<string, unknown>,
    mergedIntegrations: Record<string, unknown>,
    options: object,
    routingMiddleware?: unknown,
    pluginSources?: unknown[],
  ): Promise<unknown[]>
}
declare module '@segment/analytics-next/dist/pkg/plugins/ajs-destination/index.js' {
  export function ajsDestinations(
    writeKey: string,
    settings: object,
    integrations: Record<string, unknown>,
    options: object,
    routingMiddleware?: unknown,
  ): unknown[]
}
declare module '@segment/analytics-next/dist/pkg/plugins/ajs-destination/utils.js' {
  export function isDisabledIntegration(name: string, integrations: Record<string, unknown>): boolean
}
declare module '@segment/analytics-next/dist/pkg/plugins/routing-middleware/index.js' {
  export function tsubMiddleware(rules: unknown[]): unknown
}
declare module '@segment/analytics-next/dist/pkg/lib/merged-options.js' {
  export function mergedOptions(settings: object, options: object): Record<string, unknown>
}
declare module '@segment/analytics-next/dist/pkg/lib/parse-cdn.js' {
  export function setGlobalCDNUrl(cdn: string): void
}
