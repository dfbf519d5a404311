import { ConsentGuardConfigError } from '../options/config-error'
import { attempt, consentState, firstState, guarded, isFunction, isObject, page, pending, pollFor, type Categories, type OnChange, type AsyncConsentSource } from './adapter-kit'
import type { ConsentState } from '../../shared/routing/types'
import { reportSourceProblem } from './source-problems'

const NAME = 'gpp'

/** How `gpp()` turns IAB GPP opt-out fields into your categories. */
export interface GppOptions {
  /**
   * GPP section (its API prefix, as in `parsedSections`) -> category -> opt-out
   * fields. A category is refused when any listed field is `1` (opted out) in
   * any listed section present in the GPP string.
   * @example { usnat: { C0004: ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut'] } }
   */
  sections: Record<string, Record<string, string[]>>
}

function check(sections: unknown): Record<string, Record<string, string[]>> {
  if (
    !isObject(sections) ||
    Object.values(sections).some(
      (map) => !isObject(map) || Object.values(map).some((fields) => !Array.isArray(fields) || !fields.every((f) => typeof f === 'string' && f)),
    )
  )
    throw new ConsentGuardConfigError('gpp.sections', 'must be an object of section -> category -> field names', sections)
  return sections as Record<string, Record<string, string[]>>
}

/**
 * Any IAB GPP 1.1 CMP, through `__gpp('addEventListener', cb)`: acts once
 * `signalStatus` is `'ready'`. US sections are opt-out, so states carry
 * `model: 'opt-out'`. Works with the CMP's stub; with no `__gpp` on the page
 * at all there is no ready signal, so it polls briefly.
 *
 * @example
 * consentGuard({ cmp: gpp({ sections: { usnat: { Advertising: ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut'] } } }) })
 */
export function gpp(options: GppOptions): AsyncConsentSource {
  const sections = check(options?.sections)
  // GPP 1.1: a CMP sets 'not ready' before it changes anything, fires sectionChange, then 'ready'. So a
  // sectionChange is the user's act on this page even before the first 'ready' (a new visitor's first
  // choice); a stored string is loaded with 'ready' alone.
  let acted = false
  // The last decided state: 'not ready' after a decision means the CMP's screen is open again, and the
  // choice made stays in force until the CMP is ready with the next one (as tcf() does while its UI shows).
  let decided: ConsentState | undefined

  const fromPing = (ping: unknown) => {
    if (!isObject(ping)) throw new Error('no ping data')
    if (ping.cmpStatus === 'error') throw new Error('cmpStatus error')
    if (ping.signalStatus !== 'ready') return decided ?? pending(NAME)
    const parsed = isObject(ping.parsedSections) ? ping.parsedSections : {}
    const categories: Categories = {}
    for (const [section, map] of Object.entries(sections)) {
      if (!Object.prototype.hasOwnProperty.call(parsed, section)) continue
      // A section parses to an object, or to an array of sub-sections (core, GPC, ...).
      const raw: unknown = parsed[section]
      const parts = Array.isArray(raw) ? raw : [raw]
      for (const [category, fields] of Object.entries(map))
        categories[category] = categories[category] !== false && !fields.some((f) => parts.some((p) => isObject(p) && p[f] === 1))
    }
    return (decided = consentState(NAME, true, categories, acted, 'opt-out'))
  }

  const subscribe = (onChange: OnChange) => {
    let live = true
    let listenerId: unknown
    let stopPoll: (() => void) | undefined
    const api = () => page().__gpp
    const emit = (ping: unknown) => {
      if (live) onChange(attempt(NAME, () => fromPing(ping)) ?? pending(NAME))
    }
    const remove = () => {
      if (listenerId === undefined) return
      const id = listenerId
      listenerId = undefined
      attempt(NAME, () => api()('removeEventListener', () => {}, id))
    }
    const callback = guarded(NAME, (event: unknown) => {
      if (!isObject(event)) throw new Error('no event data')
      if (event.listenerId !== undefined) listenerId = event.listenerId
      if (!live) return remove()
      if (event.eventName === 'sectionChange') acted = true
      if (isObject(event.pingData)) emit(event.pingData)
      else api()('ping', guarded(NAME, emit))
    })
    const start = () => attempt(NAME, () => api()('addEventListener', callback))
    const found = api()
    if (isFunction(found)) start()
    else if (found === undefined) stopPoll = pollFor(NAME, () => isFunction(api()), start)
    else reportSourceProblem(NAME, '__gpp is not a function')
    return () => {
      live = false
      stopPoll?.()
      remove()
    }
  }

  return { name: NAME, read: () => firstState(NAME, subscribe), subscribe }
}
