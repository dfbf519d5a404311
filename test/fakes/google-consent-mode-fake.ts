/**
 * A fake Google tag setup, from Google's Consent Mode docs: the gtag snippet
 * (`window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments)}`),
 * so consent commands land in `dataLayer` as `arguments` objects; and Google
 * Tag Manager's loader, which replaces `dataLayer.push` with its own function
 * that calls the push it found and then processes the pushed items.
 */
import { wipeAfter } from './adapter-harness'

export function googleTagFake() {
  const w = globalThis as Record<string, any>
  wipeAfter('dataLayer', 'gtag')
  w.dataLayer = w.dataLayer || []
  // Like the snippet: pushes the real `arguments` object, not an array.
  const gtag = function (..._args: unknown[]) {
    // The real snippet pushes `arguments`, not an array.
    w.dataLayer.push(arguments)
  }
  w.gtag = gtag
  const processed: unknown[] = []
  return {
    gtag: gtag as (...args: unknown[]) => void,
    /** gtm.js runs: processes what is queued, then takes over push. */
    loadTagManager() {
      const layer = w.dataLayer
      const found = layer.push
      processed.push(...layer)
      layer.push = function (...items: unknown[]) {
        const result = found.apply(layer, items)
        processed.push(...items)
        return result
      }
    },
    processed,
    /** Runs `action` as if inside a user's click (transient user activation). */
    duringClick(action: () => void) {
      Object.defineProperty(navigator, 'userActivation', { value: { isActive: true, hasBeenActive: true }, configurable: true })
      try {
        action()
      } finally {
        Object.defineProperty(navigator, 'userActivation', { value: { isActive: false, hasBeenActive: true }, configurable: true })
      }
    },
  }
}
