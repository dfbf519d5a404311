// @vitest-environment-options { "url": "http://127.0.0.1:4173/" }
/**
 * The demo's fake OneTrust must be faithful enough that the REAL
 * `oneTrust()` adapter reads it right: pending while the banner is open,
 * an explicit decision after a click, a stored (not explicit) one for a
 * returning visitor, changes followed without a reload.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { oneTrust } from '../../../plugin/adapters/one-trust'
import type { ConsentState } from '../../../shared/routing/types'
import { DEMO_GROUPS } from './one-trust-groups'
import { CLOSED_COOKIE, CONSENT_COOKIE, readStoredChoice } from './optanon-cookies'
import { createOneTrustSdk, type OneTrustUi } from './one-trust-sdk'

const IDS = DEMO_GROUPS.map((g) => g.CustomGroupId)
const only = (...on: string[]) => Object.fromEntries(IDS.map((id) => [id, on.includes(id)]))
const page = window as unknown as Record<string, unknown>

function clearCookies(): void {
  for (const name of [CONSENT_COOKIE, CLOSED_COOKIE]) document.cookie = `${name}=; path=/; max-age=0`
}

/** The fake with a UI that records what the SDK asked of it. */
function install() {
  const calls: string[] = []
  const ui: OneTrustUi = {
    showBanner: () => calls.push('showBanner'),
    hideBanner: () => calls.push('hideBanner'),
    showPreferences: () => calls.push('showPreferences'),
    hidePreferences: () => calls.push('hidePreferences'),
  }
  const fake = createOneTrustSdk({ groups: DEMO_GROUPS, consentModel: 'opt-in', ui })
  return { ...fake, calls }
}

/** Subscribes the real adapter; returns what it delivered. */
function subscribe(): { states: ConsentState[]; stop: () => void } {
  const states: ConsentState[] = []
  const stop = oneTrust().subscribe!((state) => states.push(state))
  return { states, stop }
}

const stops: Array<() => void> = []
afterEach(() => {
  while (stops.length) stops.pop()!()
  for (const name of ['OneTrust', 'Optanon', 'OnetrustActiveGroups', 'OptanonActiveGroups', 'OptanonWrapper']) delete page[name]
  clearCookies()
})

describe(createOneTrustSdk, () => {
  it('is pending with only the necessary group while the banner is open', () => {
    const fake = install()
    fake.load()
    expect(fake.calls).toEqual(['showBanner'])
    expect(page.OnetrustActiveGroups).toBe(',C0001,')
    expect(oneTrust().read()).toEqual({ status: 'pending', categories: only('C0001'), model: 'opt-in', source: 'onetrust' })
  })

  it('"Reject All" is an explicit decision for the necessary group only, stored in the Optanon cookies', () => {
    const fake = install()
    const adapter = subscribe()
    stops.push(adapter.stop)
    fake.load()
    fake.sdk.RejectAll()
    expect(adapter.states.at(-1)).toEqual({ status: 'decided', categories: only('C0001'), explicit: true, model: 'opt-in', source: 'onetrust' })
    expect(fake.calls.slice(-2)).toEqual(['hidePreferences', 'hideBanner'])
    expect(document.cookie).toContain(`${CLOSED_COOKIE}=`)
    expect(readStoredChoice()).toEqual(['C0001'])
  })

  it('gives a returning visitor the stored choice, decided but not explicit, and no banner', () => {
    const first = install()
    first.load()
    first.sdk.AllowAll()
    for (const name of ['OneTrust', 'Optanon', 'OnetrustActiveGroups']) delete page[name]

    const next = install() // a new page load: only the cookies remain
    next.load()
    expect(next.calls).toEqual(['hideBanner'])
    expect(oneTrust().read()).toEqual({ status: 'decided', categories: only(...IDS), explicit: false, model: 'opt-in', source: 'onetrust' })
  })

  it('publishes in OneTrust order: active groups, OneTrustGroupsUpdated, OptanonWrapper, then OnConsentChanged', () => {
    const fake = install()
    const order: string[] = []
    page.OptanonWrapper = () => order.push(`wrapper ${String(page.OnetrustActiveGroups)}`)
    const onUpdated = (event: Event) => order.push(`updated ${(event as CustomEvent<string[]>).detail.join(',')}`)
    window.addEventListener('OneTrustGroupsUpdated', onUpdated)
    stops.push(() => window.removeEventListener('OneTrustGroupsUpdated', onUpdated))
    fake.load()
    fake.sdk.OnConsentChanged((event) => order.push(`changed ${event.detail.join(',')}`))
    fake.sdk.UpdateConsent('Category', 'C0003:1')
    expect(order).toEqual([
      'updated C0001',
      'wrapper ,C0001,',
      'updated C0001,C0003',
      'wrapper ,C0001,C0003,',
      'changed C0001,C0003',
    ])
  })

  it('keeps the necessary group on and follows any sequence of choices, as the adapter sees them', () => {
    const optional = IDS.filter((id) => id !== 'C0001')
    fc.assert(
      fc.property(fc.array(fc.subarray(optional), { minLength: 1, maxLength: 5 }), (choices) => {
        clearCookies()
        const fake = install()
        const adapter = subscribe()
        fake.load()
        for (const choice of choices) fake.sdk.saveChoice(choice)
        adapter.stop()
        const last = choices[choices.length - 1]
        expect(adapter.states.at(-1)).toMatchObject({ status: 'decided', explicit: true, categories: only('C0001', ...last) })
        expect(readStoredChoice()).toEqual(['C0001', ...optional.filter((id) => last.includes(id))])
      }),
      { numRuns: 40 },
    )
  })

  it('UpdateConsent takes several groups at once and saves them as one choice', () => {
    clearCookies()
    const fake = install()
    const adapter = subscribe()
    fake.load()
    fake.sdk.UpdateConsent('Category', 'C0001:1,C0002:1,C0003:0,C0004:1')
    adapter.stop()
    expect(adapter.states.at(-1)).toMatchObject({ status: 'decided', explicit: true, categories: only('C0001', 'C0002', 'C0004') })
    expect(readStoredChoice()).toEqual(['C0001', 'C0002', 'C0004'])
  })

  it('ignores UpdateConsent for the always-active group and for unknown types', () => {
    const fake = install()
    fake.load()
    fake.sdk.UpdateConsent('Category', 'C0001:0')
    fake.sdk.UpdateConsent('General Vendor', 'C0004:1')
    expect(fake.sdk.IsAlertBoxClosed()).toBe(false)
    expect(page.OnetrustActiveGroups).toBe(',C0001,')
  })
})
