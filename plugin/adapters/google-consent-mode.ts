import { attempt, consentState, isFunction, isObject, page, pending, type Categories, type SyncConsentSource } from './adapter-kit'
import { reportSourceProblem } from './source-problems'

const NAME = 'google-consent-mode'

/** `gtag('consent', 'default' | 'update', params)` as it sits in `dataLayer` (an `arguments` object or an array). */
function command(item: unknown): [string, Record<string, unknown>] | undefined {
  if (isObject(item) && typeof item.length === 'number' && item[0] === 'consent' && (item[1] === 'default' || item[1] === 'update') && isObject(item[2]))
    return [item[1], item[2]]
}

/**
 * Google Consent Mode v2: the consent commands in `window.dataLayer`, whoever
 * pushes them (gtag, a GTM CMP template, a CMP). Categories are the consent
 * types (`analytics_storage`, `ad_storage`, `ad_user_data`, ...), true when
 * `'granted'`. Only defaults: pending (with the default categories); an
 * `update`: decided. Watches new commands by wrapping `dataLayer.push`.
 *
 * @example
 * consentGuard({ cmp: googleConsentMode() })
 */
export function googleConsentMode(): SyncConsentSource {
  // An update pushed during a user gesture (transient user activation, e.g.
  // the click on "Accept"): the user chose on this page. A CMP replaying a
  // stored choice at load has no activation.
  let acted = false

  const compute = () => {
    const layer: unknown = page().dataLayer
    if (layer === undefined) return pending(NAME)
    if (!Array.isArray(layer)) throw new Error('window.dataLayer is not an array')
    const categories: Categories = {}
    let updated = false
    for (const item of layer) {
      const found = command(item)
      if (!found) continue
      const [kind, params] = found
      // Region-scoped defaults depend on the visitor's location, which only Google's tag knows.
      if (kind === 'default' && params.region !== undefined) continue
      if (kind === 'update') updated = true
      for (const [type, value] of Object.entries(params)) if (value === 'granted' || value === 'denied') categories[type] = value === 'granted'
    }
    return consentState(NAME, updated, categories, acted)
  }

  const read = () => attempt(NAME, compute) ?? pending(NAME)

  return {
    name: NAME,
    read,
    subscribe(onChange) {
      const g = page()
      // What every gtag snippet does first; a later snippet keeps this array.
      if (g.dataLayer === undefined) g.dataLayer = []
      const layer: unknown = g.dataLayer
      if (!Array.isArray(layer) || !isFunction(layer.push)) {
        reportSourceProblem(NAME, 'window.dataLayer is not an array')
        return () => {}
      }
      let live = true
      const own = Object.prototype.hasOwnProperty.call(layer, 'push')
      const previous = layer.push
      // Tag Manager replaces push with its own function that calls the one it found: we keep seeing pushes.
      const push = function (this: unknown, ...items: unknown[]) {
        const result = previous.apply(this, items)
        if (live)
          attempt(NAME, () => {
            const commands = items.map(command)
            if (!commands.some(Boolean)) return
            if (commands.some((c) => c?.[0] === 'update') && g.navigator?.userActivation?.isActive === true) acted = true
            onChange(read())
          })
        return result
      }
      layer.push = push
      return () => {
        live = false
        if (layer.push !== push) return
        if (own) layer.push = previous
        else delete (layer as { push?: unknown }).push
      }
    },
  }
}
