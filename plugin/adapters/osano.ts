import { attempt, consentState, firstState, guarded, isFunction, isObject, page, pending, type Categories, type OnChange, type AsyncConsentSource } from './adapter-kit'

const NAME = 'osano'
const INITIALIZED = 'osano-cm-initialized'
const SAVED = 'osano-cm-consent-saved'

/**
 * Osano CMP: `Osano.cm.getConsent()`, with Osano's categories `ESSENTIAL`,
 * `ANALYTICS`, `MARKETING`, `PERSONALIZATION` (and `OPT_OUT`: true means the
 * visitor opted out of sale/sharing), true when `'ACCEPT'`. Decided once
 * `osano-cm-initialized` reports a stored consent or `osano-cm-consent-saved`
 * fires. Before osano.js loads it uses Osano's documented pre-load function
 * `window.Osano(...)`, creating it when the page has not.
 *
 * @example
 * consentGuard({ cmp: osano() })
 */
export function osano(): AsyncConsentSource {
  let given = false
  let acted = false

  const compute = () => {
    const cm = page().Osano?.cm
    if (!isObject(cm) || !isFunction(cm.getConsent)) throw new Error('window.Osano.cm has no getConsent()')
    const consent: unknown = cm.getConsent()
    if (!isObject(consent)) throw new Error('Osano.cm.getConsent() returned no object')
    const categories: Categories = {}
    for (const [category, value] of Object.entries(consent)) categories[category] = value === 'ACCEPT'
    return consentState(NAME, given, categories, acted)
  }

  const watch = (onChange: OnChange) => {
    const g = page()
    let live = true
    const emit = () => {
      if (live) onChange(attempt(NAME, compute) ?? pending(NAME))
    }
    // The initialized callback gets the stored consent, or undefined when the visitor has not chosen.
    const onInit = guarded(NAME, (consent?: unknown) => {
      if (consent !== undefined) given = true
      emit()
    })
    const onSaved = guarded(NAME, () => {
      given = acted = true
      emit()
    })
    const cm = g.Osano?.cm
    if (isObject(cm) && isFunction(cm.addEventListener)) {
      // Osano calls a late initialized listener at once.
      attempt(NAME, () => {
        cm.addEventListener(INITIALIZED, onInit)
        cm.addEventListener(SAVED, onSaved)
      })
      return () => {
        live = false
        attempt(NAME, () => {
          cm.removeEventListener(INITIALIZED, onInit)
          cm.removeEventListener(SAVED, onSaved)
        })
      }
    }
    const queue = attempt(NAME, () => {
      if (g.Osano === undefined) {
        // Osano's pre-load snippet: calls are kept in Osano.data until osano.js runs them.
        const preload = (...args: unknown[]) => preload.data.push(args)
        preload.data = [] as unknown[]
        g.Osano = preload
      }
      if (!isFunction(g.Osano)) throw new Error('window.Osano is neither the Osano API nor its pre-load function')
      g.Osano('onInitialized', onInit)
      g.Osano('onConsentSaved', onSaved)
      return g.Osano.data
    })
    return () => {
      live = false
      if (!Array.isArray(queue)) return
      for (let i = queue.length - 1; i >= 0; i--) if (queue[i]?.[1] === onInit || queue[i]?.[1] === onSaved) queue.splice(i, 1)
    }
  }

  return { name: NAME, read: () => firstState(NAME, watch), subscribe: watch }
}
