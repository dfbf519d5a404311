/**
 * The configuration the demo server injects into every page as
 * `window.__CONSENT_GUARD_DEMO__` (see demo/server/shop-routes.ts): the
 * local CDN's origin and the write key are known only once the server runs.
 */
import type { ShopConfig } from '../server/config-injection'

/** The injected config; throws a clear error when a page is opened without the demo server. */
export function demoConfig(): ShopConfig {
  const config = (window as unknown as { __CONSENT_GUARD_DEMO__?: ShopConfig }).__CONSENT_GUARD_DEMO__
  if (!config || typeof config.cdnUrl !== 'string') {
    throw new Error('Consent Guard demo: no configuration injected; open the shop through `npm start`')
  }
  return config
}
