/**
 * What the page's OneTrust snippet (otSDKStub.js) does, faked: it leaves a
 * placeholder `window.OneTrust` holding only `geolocationResponse` at once,
 * and the banner SDK arrives later as a separate script. The adapter must
 * cope with both moments, so the demo keeps them apart (one task later).
 * Loaded by every shop page before the shop's own script.
 */
import { createOneTrustUi } from './one-trust-banner'
import { DEMO_GROUPS } from './one-trust-groups'
import { createOneTrustSdk, type OneTrustSdk } from './one-trust-sdk'

const w = window as unknown as Record<string, unknown>
w.OneTrust = { geolocationResponse: { stateCode: 'BE', countryCode: 'BE' } }

let sdk: OneTrustSdk | undefined
const ui = createOneTrustUi(DEMO_GROUPS, () => {
  if (!sdk) throw new Error('the OneTrust banner SDK has not loaded yet')
  return sdk
})
const banner = createOneTrustSdk({ groups: DEMO_GROUPS, consentModel: 'opt-in', ui })
sdk = banner.sdk

// The banner SDK script finishing its download: a later task than this stub.
setTimeout(() => banner.load(), 0)

// OneTrust's convention: any element with this class opens the preference center.
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('.ot-sdk-show-settings') : null
  if (!target || !sdk || !w.OnetrustActiveGroups) return
  event.preventDefault()
  sdk.ToggleInfoDisplay()
})
