import { ConsentGuardConfigError } from '../options/config-error'
import { attempt, consentState, firstState, guarded, isFunction, isObject, page, pending, pollFor, type Categories, type OnChange, type AsyncConsentSource } from './adapter-kit'
import { reportSourceProblem } from './source-problems'

const NAME = 'tcf'

/** How `tcf()` turns IAB TCF v2 purposes (and optionally vendors) into your categories. */
export interface TcfOptions {
  /**
   * Category -> TCF purpose ids that must all have consent.
   * @example { C0002: [1, 7, 8, 9, 10], C0004: [1, 2, 3, 4] }
   */
  purposes: Record<string, number[]>
  /** Category -> Global Vendor List ids that must all have consent as well. */
  vendors?: Record<string, number[]>
}

function ids(option: string, value: unknown): Record<string, number[]> {
  if (!isObject(value) || Array.isArray(value) || Object.values(value).some((list) => !Array.isArray(list) || !list.every((id) => Number.isInteger(id) && id > 0)))
    throw new ConsentGuardConfigError(option, 'must be an object of category -> id[]', value)
  return value as Record<string, number[]>
}

/**
 * Any IAB TCF v2.x CMP, through `__tcfapi('addEventListener', 2, cb)`. Works
 * with the CMP's stub (calls are queued until the CMP loads); with no
 * `__tcfapi` on the page at all there is no ready signal, so it polls briefly.
 *
 * @example
 * consentGuard({ cmp: tcf({ purposes: { C0002: [1, 8, 9], C0004: [1, 2, 3, 4] } }) })
 */
export function tcf(options: TcfOptions): AsyncConsentSource {
  const purposes = ids('tcf.purposes', options?.purposes)
  const vendors = options?.vendors === undefined ? {} : ids('tcf.vendors', options.vendors)

  const fromTcData = (data: unknown, ok: unknown) => {
    if (ok === false || !isObject(data)) throw new Error('no TC data')
    if (data.cmpStatus === 'error') throw new Error('cmpStatus error')
    const categories: Categories = {}
    const has = (map: unknown, id: number) => isObject(map) && map[id] === true
    // gdprApplies false: the TCF does not apply to this visitor, consent is implied.
    const applies = data.gdprApplies !== false
    for (const [category, list] of Object.entries(purposes))
      categories[category] =
        !applies ||
        (list.every((id) => has(isObject(data.purpose) && data.purpose.consents, id)) &&
          (vendors[category] ?? []).every((id) => has(isObject(data.vendor) && data.vendor.consents, id)))
    // tcloaded: a stored TC string; useractioncomplete: the user chose on this page; cmpuishown: the UI
    // is asking, still undecided unless a TC string from an earlier choice is in force.
    const status = data.eventStatus
    const decided = !applies || status === 'tcloaded' || status === 'useractioncomplete' || (status === 'cmpuishown' && !!data.tcString)
    return consentState(NAME, decided, categories, applies && status === 'useractioncomplete', applies ? 'opt-in' : undefined)
  }

  const subscribe = (onChange: OnChange) => {
    let live = true
    let listenerId: unknown
    let stopPoll: (() => void) | undefined
    const api = () => page().__tcfapi
    const remove = () => {
      if (listenerId === undefined) return
      const id = listenerId
      listenerId = undefined
      attempt(NAME, () => api()('removeEventListener', 2, () => {}, id))
    }
    const callback = guarded(NAME, (data: unknown, ok: unknown) => {
      if (isObject(data) && data.listenerId !== undefined) listenerId = data.listenerId
      // The first answer can arrive after unsubscribing (stub queue): remove then.
      if (!live) return remove()
      onChange(attempt(NAME, () => fromTcData(data, ok)) ?? pending(NAME))
    })
    const start = () => attempt(NAME, () => api()('addEventListener', 2, callback))
    const found = api()
    if (isFunction(found)) start()
    else if (found === undefined) stopPoll = pollFor(NAME, () => isFunction(api()), start)
    else reportSourceProblem(NAME, '__tcfapi is not a function')
    return () => {
      live = false
      stopPoll?.()
      remove()
    }
  }

  return { name: NAME, read: () => firstState(NAME, subscribe), subscribe }
}
