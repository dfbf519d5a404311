/**
 * A fake OneTrust banner SDK (otSDKStub.js + otBannerSdk.js), from OneTrust's
 * public docs: `window.OneTrust` with `GetDomainData()`, `IsAlertBoxClosed()`,
 * `OnConsentChanged(cb)`; `window.OnetrustActiveGroups` (",C0001,C0002,");
 * the `OneTrustGroupsUpdated` window event (detail: active group ids) on load
 * and on every change; the page's `OptanonWrapper()` called on load and on
 * every change. Before the SDK is ready, `window.OneTrust` can be a
 * placeholder holding only `geolocationResponse`.
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

  const sdk = {
    GetDomainData: () => ({
      ShowAlertNotice: options.showAlertNotice ?? true,
      ConsentModel: { Name: options.model ?? 'opt-in' },
      Groups: groups.map((id) => ({ CustomGroupId: id, GroupName: `Group ${id}`, SubGroups: [] })),
    }),
    IsAlertBoxClosed: () => closed,
    IsAlertBoxClosedAndValid: () => closed,
    OnConsentChanged: (callback: (event: CustomEvent<string[]>) => void) => {
      consentChanged.push(callback)
    },
    ToggleInfoDisplay: () => {},
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
    choose(chosen: string[]) {
      active = ['C0001', ...chosen.filter((id) => id !== 'C0001')]
      closed = true
      publish(true)
    },
    sdk,
    consentChangedCallbacks: () => consentChanged.length,
  }
}
