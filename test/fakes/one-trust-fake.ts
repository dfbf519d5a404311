/**
 * A fake OneTrust banner SDK (otSDKStub.js + otBannerSdk.js), from OneTrust's
 * public docs: `window.OneTrust` with `GetDomainData()`, `IsAlertBoxClosed()`,
 * `OnConsentChanged(cb)`; `window.OnetrustActiveGroups` (",C0001,C0002,");
 * the `OneTrustGroupsUpdated` window event (detail: active group ids) on load
 * and on every change; the page's `OptanonWrapper()` called on load and on
 * every change. Before the SDK is ready, `window.OneTrust` can be a
 * placeholder holding only `geolocationResponse`.
 *
 * Write side (OneTrust's public JavaScript API, what the banner's buttons
 * call): `AllowAll()`, `RejectAll()` and `UpdateConsent('Category',
 * 'C0002:1,C0004:0')`; each records a choice (the alert box counts as closed)
 * and publishes it like a click. C0001 (Strictly Necessary) is `Status:
 * 'always active'` in `GetDomainData().Groups` and cannot be switched off.
 */
import { wipeAfter } from './adapter-harness'

export type OneTrustModel = 'opt-in' | 'opt-out' | 'implied consent' | 'notice only' | 'custom'

export interface OneTrustFakeOptions {
  /** Every group configured in OneTrust. */
  groups?: string[]
  model?: OneTrustModel
  /** false: the banner is not shown to this visitor (geolocation rule). */
  showAlertNotice?: boolean
  /** Active groups before any choice (always-active and default-on groups). */
  defaults?: string[]
  /** A choice stored by an earlier visit (the OptanonAlertBoxClosed cookie is set). */
  stored?: string[]
}

export function oneTrustFake(options: OneTrustFakeOptions = {}) {
  const w = globalThis as Record<string, any>
  wipeAfter('OneTrust', 'Optanon', 'OnetrustActiveGroups')
  const groups = options.groups ?? ['C0001', 'C0002', 'C0003', 'C0004', 'C0005']
  let closed = options.stored !== undefined
  let active = [...(options.stored ?? options.defaults ?? ['C0001'])]
  const consentChanged: Array<(event: CustomEvent<string[]>) => void> = []
  let preferenceCenterOpen = false
  const ALWAYS_ACTIVE = ['C0001']

  const sdk = {
    GetDomainData: () => ({
      ShowAlertNotice: options.showAlertNotice ?? true,
      ConsentModel: { Name: options.model ?? 'opt-in' },
      Groups: groups.map((id) => ({ CustomGroupId: id, GroupName: `Group ${id}`, Status: ALWAYS_ACTIVE.includes(id) ? 'always active' : 'inactive', SubGroups: [] })),
    }),
    IsAlertBoxClosed: () => closed,
    IsAlertBoxClosedAndValid: () => closed,
    OnConsentChanged: (callback: (event: CustomEvent<string[]>) => void) => {
      consentChanged.push(callback)
    },
    // Opens or closes the preference center: nothing changes until the visitor saves there.
    ToggleInfoDisplay: () => void (preferenceCenterOpen = !preferenceCenterOpen),
    AllowAll: () => save(groups),
    RejectAll: () => save([]),
    /** `type` 'Category' with `value` like 'C0002:1,C0004:0'; other types (vendors) are not modelled. */
    UpdateConsent: (type: string, value: string) => {
      if (type !== 'Category') return
      const next = new Set(active)
      for (const pair of value.split(',')) {
        const [id, bit] = pair.trim().split(':')
        if (!groups.includes(id)) continue
        if (bit === '1') next.add(id)
        else if (bit === '0') next.delete(id)
      }
      save([...next])
    },
  }

  // A saved choice: always-active groups stay on, the alert box counts as closed.
  const save = (chosen: string[]) => {
    active = [...ALWAYS_ACTIVE, ...chosen.filter((id) => !ALWAYS_ACTIVE.includes(id))]
    closed = true
    publish(true)
  }

  // What the SDK does on load and after each save, in this order.
  const publish = (userAction: boolean) => {
    w.OnetrustActiveGroups = `,${active.join(',')},`
    w.dispatchEvent(new CustomEvent('OneTrustGroupsUpdated', { detail: [...active] }))
    if (typeof w.OptanonWrapper === 'function') w.OptanonWrapper()
    if (userAction) for (const callback of [...consentChanged]) callback(new CustomEvent('consent.onetrust', { detail: [...active] }))
  }

  return {
    /** What the stub leaves on window before the banner SDK runs. */
    placeholder() {
      w.OneTrust = { geolocationResponse: { stateCode: 'CA', countryCode: 'US' } }
    },
    load() {
      w.OneTrust = w.Optanon = sdk
      publish(false)
    },
    /** The user saves a choice in the banner or preference center. */
    choose: (chosen: string[]) => save(chosen),
    /** The visitor opens the preference center again (the site's "Cookie settings" link calls `ToggleInfoDisplay()`). */
    showChoices: () => sdk.ToggleInfoDisplay(),
    preferenceCenterOpen: () => preferenceCenterOpen,
    sdk,
    consentChangedCallbacks: () => consentChanged.length,
  }
}
