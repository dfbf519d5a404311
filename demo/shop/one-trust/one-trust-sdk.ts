/**
 * A fake of OneTrust's banner SDK (otBannerSdk.js), faithful to its
 * documented page API, so the demo runs the real `oneTrust()` adapter:
 * - `window.OneTrust` (and its legacy alias `window.Optanon`) with
 *   `GetDomainData()` (`Groups[].CustomGroupId`, `ConsentModel.Name`,
 *   `ShowAlertNotice`), `IsAlertBoxClosed()`, `IsAlertBoxClosedAndValid()`,
 *   `AllowAll()`, `RejectAll()`, `UpdateConsent('Category', 'C0004:1')`,
 *   `OnConsentChanged(cb)`, `ToggleInfoDisplay()`, `Close()`;
 * - `window.OnetrustActiveGroups` (and `OptanonActiveGroups`): `",C0001,C0003,"`;
 * - on load and after every save, in this order: the active groups are
 *   updated, the `OneTrustGroupsUpdated` window event fires (detail: the
 *   active ids), the page's `OptanonWrapper()` is called, and after a save
 *   only, every `OnConsentChanged` callback (a `consent.onetrust` event);
 * - the choice is kept in the `OptanonConsent` / `OptanonAlertBoxClosed`
 *   cookies, so a returning visitor is not asked again.
 * The banner's look lives in one-trust-banner.ts; this file is the API.
 */
import { alwaysActive, type OneTrustGroup } from './one-trust-groups'
import { readStoredChoice, storeChoice } from './optanon-cookies'

/** What the SDK asks of its UI. */
export interface OneTrustUi {
  showBanner(): void
  hideBanner(): void
  /** Opens the preference center showing the current choice. */
  showPreferences(active: readonly string[]): void
  hidePreferences(): void
}

export interface OneTrustSdkOptions {
  groups: readonly OneTrustGroup[]
  /** OneTrust's `ConsentModel.Name`: `'opt-in'` (GDPR style) or `'opt-out'`. */
  consentModel: 'opt-in' | 'opt-out'
  ui: OneTrustUi
}

type ConsentChangedCallback = (event: CustomEvent<string[]>) => void

/** The public object that becomes `window.OneTrust`. */
export interface OneTrustSdk {
  GetDomainData(): {
    ShowAlertNotice: boolean
    ConsentModel: { Name: string }
    Groups: OneTrustGroup[]
    Language: { Culture: string }
  }
  IsAlertBoxClosed(): boolean
  IsAlertBoxClosedAndValid(): boolean
  AllowAll(): void
  RejectAll(): void
  /** `UpdateConsent('Category', 'C0004:1')` switches a group on (`:0` off), or several (`'C0002:1,C0004:0'`), and saves. */
  UpdateConsent(type: string, value: string): void
  OnConsentChanged(callback: ConsentChangedCallback): void
  /** Opens (or closes) the preference center. */
  ToggleInfoDisplay(): void
  /** Closes the banner without changing the choice (counts as "closed"). */
  Close(): void
  /** Not OneTrust API: the preference center's "Confirm My Choices". */
  saveChoice(active: readonly string[]): void
}

/** Builds the SDK; `load()` installs it on `window` the way the real script does when it arrives. */
export function createOneTrustSdk({ groups, consentModel, ui }: OneTrustSdkOptions) {
  const w = window as unknown as Record<string, unknown>
  const ids = groups.map((g) => g.CustomGroupId)
  const required = alwaysActive(groups)
  const stored = readStoredChoice()
  let closed = stored !== undefined
  // Opt-out sites run every group until the visitor says otherwise.
  let active = stored ?? (consentModel === 'opt-out' ? [...ids] : [...required])
  let interactions = 0
  let preferencesOpen = false
  const callbacks: ConsentChangedCallback[] = []

  const publish = (afterSave: boolean) => {
    const list = `,${active.join(',')},`
    w.OnetrustActiveGroups = list
    w.OptanonActiveGroups = list
    window.dispatchEvent(new CustomEvent('OneTrustGroupsUpdated', { detail: [...active] }))
    if (typeof w.OptanonWrapper === 'function') (w.OptanonWrapper as () => void)()
    if (afterSave) for (const callback of [...callbacks]) callback(new CustomEvent('consent.onetrust', { detail: [...active] }))
  }

  const save = (next: readonly string[]) => {
    active = ids.filter((id) => required.includes(id) || next.includes(id))
    closed = true
    interactions++
    storeChoice(ids, active, interactions)
    preferencesOpen = false
    ui.hidePreferences()
    ui.hideBanner()
    publish(true)
  }

  const sdk: OneTrustSdk = {
    GetDomainData: () => ({
      ShowAlertNotice: true,
      ConsentModel: { Name: consentModel },
      Groups: groups.map((g) => ({ ...g, SubGroups: [...g.SubGroups] })),
      Language: { Culture: 'en' },
    }),
    IsAlertBoxClosed: () => closed,
    IsAlertBoxClosedAndValid: () => closed,
    AllowAll: () => save(ids),
    RejectAll: () => save(required),
    UpdateConsent(type, value) {
      if (type !== 'Category') return
      // One group ('C0004:1') or several at once ('C0001:1,C0002:0,C0003:1'), saved as one choice.
      let next = [...active]
      let applied = false
      for (const pair of value.split(',')) {
        const [id, flag] = pair.trim().split(':')
        if (!ids.includes(id) || required.includes(id)) continue
        next = flag === '1' ? [...new Set([...next, id])] : next.filter((a) => a !== id)
        applied = true
      }
      if (applied) save(next)
    },
    OnConsentChanged: (callback) => void callbacks.push(callback),
    ToggleInfoDisplay() {
      preferencesOpen = !preferencesOpen
      if (preferencesOpen) ui.showPreferences(active)
      else ui.hidePreferences()
    },
    Close() {
      closed = true
      ui.hideBanner()
    },
    saveChoice: (next) => save(next),
  }

  return {
    sdk,
    /** The script has arrived: install the API, show the banner if needed, publish the groups. */
    load() {
      w.OneTrust = sdk
      w.Optanon = sdk
      if (closed) ui.hideBanner()
      else ui.showBanner()
      publish(false)
    },
  }
}
