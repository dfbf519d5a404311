import { attempt, consentState, guarded, isFunction, isObject, page, pending, type Categories, type SyncConsentSource } from './adapter-kit'

const NAME = 'onetrust'
const UPDATED = 'OneTrustGroupsUpdated'

/**
 * OneTrust (Cookie Consent / CookiePro banner SDK). Categories are OneTrust's
 * group ids (`C0001`..`C0005` and custom ones), as in `OnetrustActiveGroups`.
 *
 * Ready signals: the `OneTrustGroupsUpdated` window event (fired when the SDK
 * loads and on every change), the page's `OptanonWrapper` callback (chained,
 * for SDKs without the event) and `OneTrust.OnConsentChanged` (user actions).
 *
 * @example
 * consentGuard({ cmp: oneTrust() })
 */
export function oneTrust(): SyncConsentSource {
  // OnConsentChanged fired (the user closed the banner on this page view),
  // or we saw the banner open: a decision after that is explicit.
  let acted = false
  let sawOpen = false

  const sdk = () => {
    const ot = page().OneTrust
    if (ot == null) return undefined
    if (!isObject(ot)) throw new Error('OneTrust is not an object')
    // Until the banner SDK has loaded, window.OneTrust can be a placeholder
    // such as { geolocationResponse }: duck-type the methods we call.
    return isFunction(ot.GetDomainData) && isFunction(ot.IsAlertBoxClosed) && isFunction(ot.OnConsentChanged) ? ot : undefined
  }

  const compute = () => {
    const ot = sdk()
    const active: unknown = page().OnetrustActiveGroups
    if (!ot || active === undefined) return pending(NAME)
    if (typeof active !== 'string') throw new Error('OnetrustActiveGroups is not a string')
    const data = ot.GetDomainData()
    if (!isObject(data)) throw new Error('no GetDomainData()')
    const on = active.split(',').map((id) => id.trim())
    const categories: Categories = {}
    const add = (groups: unknown): void => {
      if (Array.isArray(groups))
        for (const group of groups)
          if (isObject(group)) {
            if (typeof group.CustomGroupId === 'string' && group.CustomGroupId) categories[group.CustomGroupId] = on.includes(group.CustomGroupId)
            add(group.SubGroups)
          }
    }
    add(data.Groups)
    for (const id of on) if (id) categories[id] = true
    const name = isObject(data.ConsentModel) ? data.ConsentModel.Name : undefined
    // 'implied consent' and 'notice only' run cookies before any choice.
    const implied = name === 'implied consent' || name === 'notice only'
    const model = name === 'opt-in' ? 'opt-in' : name === 'opt-out' || implied ? 'opt-out' : undefined
    const closed = ot.IsAlertBoxClosed() === true
    // ShowAlertNotice false: no banner for this visitor (e.g. a geolocation rule), consent is implied.
    if (!closed && !implied && data.ShowAlertNotice !== false) {
      sawOpen = true
      return consentState(NAME, false, categories, false, model)
    }
    return consentState(NAME, true, categories, closed && (acted || sawOpen), model)
  }

  const read = () => attempt(NAME, compute) ?? pending(NAME)

  return {
    name: NAME,
    read,
    subscribe(onChange) {
      const g = page()
      let live = true
      let hooked = false
      // OneTrust has no way to remove an OnConsentChanged callback: it goes quiet instead.
      const hook = () => {
        const ot = !hooked && sdk()
        if (ot) {
          hooked = true
          ot.OnConsentChanged(changed)
        }
      }
      const emit = guarded(NAME, () => {
        if (!live) return
        attempt(NAME, hook)
        onChange(read())
      })
      const changed = guarded(NAME, () => {
        acted = true
        emit()
      })
      const previous: unknown = g.OptanonWrapper
      const wrapper = function (this: unknown, ...args: unknown[]) {
        try {
          if (isFunction(previous)) return previous.apply(this, args)
        } finally {
          emit()
        }
      }
      // A non-function OptanonWrapper is the page's business: leave it alone.
      const chain = previous === undefined || isFunction(previous)
      if (chain) g.OptanonWrapper = wrapper
      g.addEventListener(UPDATED, emit)
      attempt(NAME, hook)
      return () => {
        live = false
        g.removeEventListener(UPDATED, emit)
        if (chain && g.OptanonWrapper === wrapper) {
          if (previous === undefined) delete g.OptanonWrapper
          else g.OptanonWrapper = previous
        }
      }
    },
  }
}
