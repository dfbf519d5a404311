/**
 * A fake Cookiebot `uc.js`, from cookiebot.com/en/developer: `window.Cookiebot`
 * with `consent.{necessary, preferences, statistics, marketing, method,
 * stamp}`, `consented`, `declined`, `hasResponse`, `changed` (a choice made
 * during this page view), `submitCustomConsent()`; the window events
 * `CookiebotOnLoad`, `CookiebotOnConsentReady` (consent known: loaded from
 * the cookie or submitted), `CookiebotOnAccept` / `CookiebotOnDecline` (also
 * fired on page load for a returning visitor).
 */
import { wipeAfter } from './adapter-harness'

export interface CookiebotChoice {
  preferences: boolean
  statistics: boolean
  marketing: boolean
}

export interface CookiebotFakeOptions {
  /** A choice stored in the CookieConsent cookie by an earlier visit. */
  stored?: CookiebotChoice
  /** The visitor is outside every region that needs consent (stamp '-1', implied). */
  noConsentNeeded?: boolean
}

export function cookiebotFake(options: CookiebotFakeOptions = {}) {
  const w = globalThis as Record<string, any>
  wipeAfter('Cookiebot')
  const fire = (name: string) => w.dispatchEvent(new Event(name))
  const none = { preferences: false, statistics: false, marketing: false }
  const all = { preferences: true, statistics: true, marketing: true }

  const cookiebot = {
    consent: { necessary: true, ...none, method: null as string | null, stamp: '0' },
    consented: false,
    declined: false,
    hasResponse: false,
    changed: false,
    doNotTrack: false,
    regulations: { gdprApplies: true, ccpaApplies: false, lgpdApplies: false },
    show() {},
    hide() {},
    /** Shows the banner again so the visitor can change their choice; the consent in force stays until they submit. */
    renew() {
      fire('CookiebotOnDialogDisplay')
    },
    submitCustomConsent(preferences: boolean, statistics: boolean, marketing: boolean) {
      apply({ preferences, statistics, marketing }, 'explicit', 'stamp-new')
      cookiebot.changed = true
      announce()
    },
  }
  const apply = (choice: CookiebotChoice, method: string, stamp: string) => {
    Object.assign(cookiebot.consent, choice, { method, stamp })
    cookiebot.hasResponse = true
    cookiebot.consented = choice.preferences || choice.statistics || choice.marketing
    cookiebot.declined = !cookiebot.consented
  }
  const announce = () => {
    fire('CookiebotOnConsentReady')
    fire(cookiebot.declined ? 'CookiebotOnDecline' : 'CookiebotOnAccept')
  }

  return {
    cookiebot,
    load() {
      if (options.stored) apply(options.stored, 'explicit', 'stamp-stored')
      if (options.noConsentNeeded) apply(all, 'implied', '-1')
      w.Cookiebot = cookiebot
      fire('CookiebotOnLoad')
      if (cookiebot.hasResponse) announce()
    },
    /** The visitor opens the banner again (the site's "Change consent" link calls `Cookiebot.renew()`). */
    showChoices: () => cookiebot.renew(),
    /** The user clicks a button in the banner. */
    choose(choice: CookiebotChoice) {
      cookiebot.submitCustomConsent(choice.preferences, choice.statistics, choice.marketing)
    },
  }
}
