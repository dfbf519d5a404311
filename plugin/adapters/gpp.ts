import { ConsentGuardConfigError } from '../options/config-error'
import { attempt, consentState, firstState, guarded, isFunction, isObject, page, pending, pollFor, type Categories, type OnChange, type AsyncConsentSource } from './adapter-kit'
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
  // A sectionChange after we saw the signal ready: the user chose on this page.
  let ready = false
  let acted = false

  const fromPing = (ping: unknown) => {
    if (!isObject(ping)) throw new Error('no ping data')
    if (ping.cmpStatus === 'error') throw new Error('cmpStatus error')
    if (ping.signalStatus !== 'ready') return pending(NAME)
    ready = true
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
    return consentState(NAME, true, categories, acted, 'opt-out')
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
      if (event.eventName === 'sectionChange' && ready) acted = true
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
