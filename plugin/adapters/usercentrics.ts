import { attempt, consentState, firstState, guarded, isFunction, isObject, page, pending, type Categories, type OnChange, type AsyncConsentSource } from './adapter-kit'

const NAME = 'usercentrics'
const USER_ACTIONS = ['ACCEPT_ALL', 'DENY_ALL', 'SAVE']

/** Options for `usercentrics()`. */
export interface UsercentricsOptions {
  /**
   * The custom window event configured under Implementation > Data Layer &
   * Events in the Usercentrics admin, if any: another change signal.
   */
  event?: string
}

/**
 * Usercentrics Web CMP: v3 (`window.__ucCmp.getConsentDetails()`) and v2
 * (`window.UC_UI.getServicesBaseInfo()`), whichever is on the page.
 * Categories are service names (e.g. `'Google Analytics 4'`) and category
 * slugs (e.g. `'marketing'`, true only when all its services are accepted).
 * Listens to `UC_CONSENT`, `UC_UI_INITIALIZED` and `UC_UI_CMP_EVENT`.
 *
 * @example
 * consentGuard({ cmp: usercentrics() })
 */
export function usercentrics(options: UsercentricsOptions = {}): AsyncConsentSource {
  let acted = false
  let sawUndecided = false

  const decide = (categories: Categories, byUser: boolean, decided: boolean) => {
    if (!decided) sawUndecided = true
    return consentState(NAME, decided, categories, decided && byUser && (acted || sawUndecided))
  }

  const fromV3 = (details: unknown) => {
    if (!isObject(details) || !isObject(details.consent)) throw new Error('no consent details')
    const categories: Categories = {}
    for (const service of Object.values(isObject(details.services) ? details.services : {}))
      if (isObject(service) && typeof service.name === 'string') categories[service.name] = isObject(service.consent) && service.consent.given === true
    for (const [id, category] of Object.entries(isObject(details.categories) ? details.categories : {}))
      if (isObject(category)) categories[id] = category.state === 'ALL_ACCEPTED'
    const byUser = details.consent.type === 'EXPLICIT'
    // required false: no consent needed for this visitor (e.g. outside the EU), implied.
    return decide(categories, byUser, byUser || details.consent.required === false)
  }

  // v2 reports no consent type: it only says whether consent is still required.
  const fromV2 = (ui: Record<string, any>) => {
    const services: unknown = ui.getServicesBaseInfo()
    if (!Array.isArray(services)) throw new Error('no services')
    const categories: Categories = {}
    for (const service of services)
      if (isObject(service)) {
        const given = isObject(service.consent) && service.consent.status === true
        if (typeof service.name === 'string') categories[service.name] = given
        if (typeof service.categorySlug === 'string') categories[service.categorySlug] = categories[service.categorySlug] !== false && given
      }
    return decide(categories, true, !(isFunction(ui.isConsentRequired) && ui.isConsentRequired() === true))
  }

  // Fetches the state from whichever API is there. v3 answers with a promise,
  // so each caller gets only the answer to its newest request.
  const fetch = (deliver: OnChange, turn: { n: number }) => {
    const g = page()
    const v3 = g.__ucCmp
    if (isObject(v3) && isFunction(v3.getConsentDetails)) {
      const mine = ++turn.n
      Promise.resolve(v3.getConsentDetails()).then(
        guarded(NAME, (details: unknown) => mine === turn.n && deliver(attempt(NAME, () => fromV3(details)) ?? pending(NAME))),
        guarded(NAME, (error: unknown) => {
          throw error
        }),
      )
      return
    }
    const ui = g.UC_UI
    if (isObject(ui) && isFunction(ui.getServicesBaseInfo) && (!isFunction(ui.isInitialized) || ui.isInitialized() === true))
      return deliver(attempt(NAME, () => fromV2(ui)) ?? pending(NAME))
    deliver(pending(NAME))
  }

  return {
    name: NAME,
    read: () =>
      firstState(NAME, (deliver) => {
        attempt(NAME, () => fetch(deliver, { n: 0 }))
        return () => {}
      }),
    subscribe(onChange) {
      const g = page()
      let live = true
      const turn = { n: 0 }
      const refresh = guarded(NAME, (event: Event) => {
        const detail: unknown = (event as CustomEvent).detail
        if (event.type === 'UC_UI_CMP_EVENT' && isObject(detail) && USER_ACTIONS.includes(detail.type)) acted = true
        if (live) fetch((state) => live && onChange(state), turn)
      })
      const events = ['UC_CONSENT', 'UC_UI_INITIALIZED', 'UC_UI_CMP_EVENT']
      if (typeof options.event === 'string' && options.event) events.push(options.event)
      for (const name of events) g.addEventListener(name, refresh)
      return () => {
        live = false
        for (const name of events) g.removeEventListener(name, refresh)
      }
    },
  }
}
