/**
 * The banner, preference center and floating "cookie settings" button of
 * the fake OneTrust SDK, with the element ids OneTrust's own markup uses
 * (`onetrust-accept-btn-handler`, `onetrust-reject-all-handler`, ...) so
 * the page looks to scripts and testers like a OneTrust page.
 */
import { el, replaceChildren } from '../layout/dom'
import type { OneTrustGroup } from './one-trust-groups'
import type { OneTrustSdk, OneTrustUi } from './one-trust-sdk'

/** Builds the UI into `document.body`; the SDK is passed late because the buttons call it. */
export function createOneTrustUi(groups: readonly OneTrustGroup[], sdk: () => OneTrustSdk): OneTrustUi {
  const banner = el(
    'div',
    { id: 'onetrust-banner-sdk', role: 'region', 'aria-label': 'Cookie banner', hidden: true },
    el(
      'div',
      { class: 'ot-text' },
      el('h2', { id: 'onetrust-policy-title' }, 'We value your privacy'),
      el(
        'p',
        { id: 'onetrust-policy-text' },
        'We use cookies for analytics, support chat and advertising. Nothing but strictly necessary cookies runs until you choose. ',
        'You can change your mind at any time with the cookie button at the bottom left.',
      ),
    ),
    el(
      'div',
      { id: 'onetrust-button-group' },
      el('button', { id: 'onetrust-pc-btn-handler', class: 'ot-link', type: 'button', onclick: () => sdk().ToggleInfoDisplay() }, 'Cookies Settings'),
      el('button', { id: 'onetrust-reject-all-handler', type: 'button', onclick: () => sdk().RejectAll() }, 'Reject All'),
      el('button', { id: 'onetrust-accept-btn-handler', type: 'button', onclick: () => sdk().AllowAll() }, 'Accept All Cookies'),
    ),
  )

  const groupList = el('div', { class: 'ot-pc-groups' })
  const preferences = el(
    'div',
    { id: 'onetrust-pc-sdk', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'ot-pc-title', hidden: true },
    el('h2', { id: 'ot-pc-title' }, 'Privacy Preference Center'),
    el('p', { class: 'ot-pc-desc' }, 'Choose which categories of cookies this shop may use. Changes apply at once, without reloading the page.'),
    groupList,
    el(
      'div',
      { class: 'ot-pc-footer' },
      el('button', { class: 'ot-pc-refuse-all-handler', type: 'button', onclick: () => sdk().RejectAll() }, 'Reject All'),
      el('button', { class: 'save-preference-btn-handler', type: 'button', onclick: () => sdk().saveChoice(checkedGroups()) }, 'Confirm My Choices'),
      el('button', { id: 'accept-recommended-btn-handler', type: 'button', onclick: () => sdk().AllowAll() }, 'Allow All'),
    ),
  )
  const backdrop = el('div', { class: 'onetrust-pc-dark-filter', hidden: true, onclick: () => sdk().ToggleInfoDisplay() })
  const floating = el(
    'button',
    { id: 'ot-sdk-btn-floating', type: 'button', 'aria-label': 'Cookie Settings', title: 'Cookie Settings', hidden: true, onclick: () => sdk().ToggleInfoDisplay() },
    el('span', { class: 'ot-floating-icon', 'aria-hidden': 'true' }),
  )

  const switches = new Map<string, HTMLInputElement>()
  const checkedGroups = () => [...switches].filter(([, input]) => input.checked).map(([id]) => id)
  const renderGroups = (active: readonly string[]) => {
    switches.clear()
    replaceChildren(
      groupList,
      ...groups.map((group) => {
        const fixed = group.Status === 'always active'
        const input = el('input', { type: 'checkbox', id: `ot-group-id-${group.CustomGroupId}`, role: 'switch', disabled: fixed })
        input.checked = fixed || active.includes(group.CustomGroupId)
        switches.set(group.CustomGroupId, input)
        return el(
          'div',
          { class: 'ot-pc-group' },
          el(
            'label',
            { for: input.id, class: 'ot-pc-group-head' },
            el('span', { class: 'ot-pc-group-name' }, group.GroupName, el('code', {}, group.CustomGroupId)),
            fixed ? el('span', { class: 'ot-always-active' }, 'Always Active') : input,
          ),
          el('p', {}, group.GroupDescription),
        )
      }),
    )
  }

  document.body.append(el('div', { id: 'onetrust-consent-sdk' }, banner, backdrop, preferences, floating))
  return {
    showBanner() {
      banner.hidden = false
      floating.hidden = true
    },
    hideBanner() {
      banner.hidden = true
      floating.hidden = false
    },
    showPreferences(active) {
      renderGroups(active)
      preferences.hidden = false
      backdrop.hidden = false
    },
    hidePreferences() {
      preferences.hidden = true
      backdrop.hidden = true
    },
  }
}
