/**
 * The demo's deliberately leaky variant (`npm start -- --leaky`): a Facebook
 * Pixel snippet pasted straight into every page, the way sites often do,
 * outside analytics-next and so outside the plugin's control. It sets its
 * cookie and calls its vendor before (and whatever) the visitor chooses.
 * `consent-guard audit` must catch it; the plain demo must audit clean.
 */
import { destinationKey } from '../../test/fixtures/cdn-settings'

export const LEAKY_DESTINATION = 'Facebook Pixel'

/** The inline tag, for the shop's pages; the vendor origin is the demo's fake third-party origin. */
export function leakyTag(vendorOrigin: string): string {
  const key = destinationKey(LEAKY_DESTINATION)
  const url = JSON.stringify(`${vendorOrigin}/vendor/${key}/pageview`).replace(/</g, '\\u003c')
  return `<script>/* hard-coded vendor tag: not consent-gated */ document.cookie = '_fbp=fb.1.leaky; path=/'; fetch(${url}, { method: 'POST', mode: 'no-cors', body: location.pathname });</script>`
}

/** Puts the tag at the top of `<head>`, where such snippets usually sit, before any consent code. */
export function injectLeakyTag(html: string, vendorOrigin: string): string {
  const at = html.indexOf('<head>')
  if (at < 0) throw new Error('shop page without <head>')
  return `${html.slice(0, at + 6)}\n${leakyTag(vendorOrigin)}${html.slice(at + 6)}`
}
