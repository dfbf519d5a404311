import { attempt, consentState, guarded, isFunction, isObject, page, pending, pollFor, type Categories, type SyncConsentSource } from './adapter-kit'

const NAME = 'klaro'

/**
 * Klaro! (kiprotect): `klaro.getManager()`, whose saved consents are keyed by
 * the service (app) names of your Klaro config. Decided once the manager is
 * `confirmed`. Follows changes with `manager.watch()`. Klaro has no ready
 * event, so when `window.klaro` is not there yet it polls briefly.
 *
 * @example
 * consentGuard({ cmp: klaro() })
 */
export function klaro(): SyncConsentSource {
  let acted = false
  let sawUndecided = false

  const manager = () => {
    const k: unknown = page().klaro
    if (k === undefined) return undefined
    if (!isObject(k) || !isFunction(k.getManager)) throw new Error('window.klaro has no getManager()')
    const m: unknown = k.getManager()
    if (!isObject(m)) throw new Error('klaro.getManager() returned no manager')
    return m
  }

  const compute = (m: Record<string, any>) => {
    // savedConsents (Klaro >= 0.7) ignores toggles the user has not saved yet.
    const consents: unknown = isObject(m.savedConsents) ? m.savedConsents : m.consents
    if (!isObject(consents)) throw new Error('the Klaro manager has no consents')
    const categories: Categories = {}
    for (const [service, value] of Object.entries(consents)) categories[service] = value === true
    const decided = m.confirmed === true
    if (!decided) sawUndecided = true
    return consentState(NAME, decided, categories, decided && (acted || sawUndecided))
  }

  const read = () => attempt(NAME, () => {
    const m = manager()
    return m && compute(m)
  }) ?? pending(NAME)

  return {
    name: NAME,
    read,
    subscribe(onChange) {
      let live = true
      let m: Record<string, any> | undefined
      const watcher = {
        update: guarded(NAME, (_manager: unknown, kind: unknown, data: unknown) => {
          // saveConsents from a script (type 'script') is not the user's act.
          if (kind === 'saveConsents' && !(isObject(data) && data.type === 'script')) acted = true
          if (live) onChange(read())
        }),
      }
      const start = () => {
        m = attempt(NAME, manager)
        if (m && isFunction(m.watch)) attempt(NAME, () => m!.watch(watcher))
      }
      let stopPoll: (() => void) | undefined
      if (page().klaro !== undefined) start()
      else
        stopPoll = pollFor(NAME, () => page().klaro !== undefined, () => {
          start()
          // Klaro appearing is the ready signal here.
          if (live) onChange(read())
        })
      return () => {
        live = false
        stopPoll?.()
        if (m && isFunction(m.unwatch)) attempt(NAME, () => m!.unwatch(watcher))
      }
    },
  }
}
