/**
 * The per-run configuration every shop page needs (the fake CDN's origin is
 * known only once the server runs), injected into the built HTML as data.
 */

/** What the pages read from `window.__CONSENT_GUARD_DEMO__` (see demo/shop/demo-config.ts). */
export interface ShopConfig {
  writeKey: string
  /** Origin of the local CDN: settings and destination bundles. */
  cdnUrl: string
  destinationHosts: Record<string, string[]>
}

/** The config as an inline script; `<` and line separators escaped so no value can close the script element. */
export function configScript(config: ShopConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
  return `<script>window.__CONSENT_GUARD_DEMO__ = ${json};</script>`
}

/** Inserts the config before `</head>`: an inline classic script runs before the page's (deferred) modules. */
export function injectConfig(html: string, config: ShopConfig): string {
  const at = html.indexOf('</head>')
  if (at < 0) throw new Error('shop page without </head>')
  return `${html.slice(0, at)}${configScript(config)}\n${html.slice(at)}`
}
