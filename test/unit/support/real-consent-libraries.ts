/**
 * The four consent libraries whose code is public, started in happy-dom for
 * unit tests, with the calls a visitor's clicks make through each library's
 * own public API (the same calls test/e2e/support/real-cmp-libraries.ts
 * makes in Chromium). Each starts for a new visitor, and is removed from the
 * window after the test.
 */
import { CmpApi as GppCmpApi, CmpDisplayStatus, CmpStatus, SignalStatus } from '@iabgpp/cmpapi'
import { CmpApi as TcfCmpApi, CmpApiModel } from '@iabtechlabtcf/cmpapi'
import { GVL, TCModel, TCString } from '@iabtechlabtcf/core'
import * as CookieConsent from 'vanilla-cookieconsent'
import { onTestFinished } from 'vitest'

const page = globalThis as Record<string, any>

/** A minimal Global Vendor List built here: TC strings need one to encode, and nothing may be fetched. */
function localGvl(): GVL {
  const purposes = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [i + 1, { id: i + 1, name: `Purpose ${i + 1}`, description: '', illustrations: [] }]))
  const vendorList = { gvlSpecificationVersion: 3, vendorListVersion: 1, tcfPolicyVersion: 5, lastUpdated: '2025-01-01T00:00:00Z', purposes, specialPurposes: {}, features: {}, specialFeatures: {}, vendors: {}, stacks: {}, dataCategories: {} }
  return new GVL(vendorList as unknown as ConstructorParameters<typeof GVL>[0])
}

/**
 * @iabtechlabtcf/cmpapi showing its UI to a new visitor ('cmpuishown', no TC
 * string yet), or loading a returning visitor's TC string with these purposes ('tcloaded').
 */
export function realTcf({ stored }: { stored?: number[] } = {}) {
  // The reference API keeps its state in one static model: start clean.
  CmpApiModel.reset()
  const api = new TcfCmpApi(300, 1, true)
  const gvl = localGvl()
  let tcString = ''
  onTestFinished(() => {
    CmpApiModel.reset()
    delete page.__tcfapi
  })
  const encode = (purposes: number[]) => {
    const model = new TCModel(gvl)
    model.cmpId = 300
    model.cmpVersion = 1
    model.purposeConsents.set(purposes)
    return (tcString = TCString.encode(model))
  }
  api.update(stored ? encode(stored) : '', !stored)
  return {
    /** The visitor saves: these purposes consented. */
    choose: (purposes: number[]) => api.update(encode(purposes), false),
    /** The visitor opens the choices screen again. */
    showChoices: () => api.update(tcString, true),
  }
}

/**
 * @iabgpp/cmpapi for a visitor in a US state: ready with nothing opted out, or
 * (`newVisitor`) with its notice shown and the signal 'not ready' until the first choice.
 */
export function realGpp({ newVisitor = false } = {}) {
  // No stub calls were queued: the API reads an empty queue and no listeners.
  page.__gpp = () => []
  const api = new GppCmpApi(300, 1)
  onTestFinished(() => void delete page.__gpp)
  const FIELDS = ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut']
  const set = (value: 1 | 2) => {
    for (const notice of ['SharingNotice', 'SaleOptOutNotice', 'SharingOptOutNotice', 'TargetedAdvertisingOptOutNotice']) api.setFieldValue('usnat', notice, 1)
    for (const field of FIELDS) api.setFieldValue('usnat', field, value)
  }
  api.setSupportedAPIs(['7:usnat'])
  api.setCmpStatus(CmpStatus.LOADED)
  if (newVisitor) api.setCmpDisplayStatus(CmpDisplayStatus.VISIBLE)
  else {
    set(2)
    api.setApplicableSections([7])
    api.setSignalStatus(SignalStatus.READY)
  }
  return {
    /** The visitor saves, in GPP 1.1's order: 'not ready', the change, sectionChange, 'ready'. */
    optOut(optedOut: boolean) {
      if (api.getSignalStatus() !== SignalStatus.NOT_READY) api.setSignalStatus(SignalStatus.NOT_READY)
      set(optedOut ? 1 : 2)
      api.setApplicableSections([7])
      api.fireSectionChange('usnat')
      api.setCmpDisplayStatus(CmpDisplayStatus.HIDDEN)
      api.setSignalStatus(SignalStatus.READY)
    },
    /** The visitor opens the choices screen again: 'not ready' until they save. */
    showChoices() {
      api.setSignalStatus(SignalStatus.NOT_READY)
      api.setCmpDisplayStatus(CmpDisplayStatus.VISIBLE)
    },
  }
}

let klaroRuns = 0

/**
 * Klaro's dist bundle with these services, for a new visitor (its own cookie,
 * fresh per call), or a returning one whose saved consents are `stored`.
 */
export async function realKlaro(services: string[], { stored }: { stored?: Record<string, boolean> } = {}) {
  const klaro = await import('klaro')
  const storageName = `klaro-unit-${++klaroRuns}`
  // Klaro keeps the saved consents as JSON in its cookie.
  if (stored) document.cookie = `${storageName}=${encodeURIComponent(JSON.stringify(stored))}; path=/`
  const config = { storageName, noAutoLoad: true, services: services.map((name) => ({ name, purposes: ['any'] })) }
  // What Klaro's script does with the page's `klaroConfig`; noAutoLoad: nothing rendered.
  klaro.setup(config)
  page.klaro = klaro
  onTestFinished(() => void delete page.klaro)
  const manager = klaro.getManager()
  return {
    /** The visitor saves these services' toggles in Klaro's modal (a script's save says 'script'). */
    choose(consents: Record<string, boolean>, type = 'save') {
      for (const [name, value] of Object.entries(consents)) manager.updateConsent(name, value)
      manager.saveAndApplyConsents(type)
    },
    /** The visitor flips a toggle in the open modal without saving. */
    toggle: (name: string, value: boolean) => manager.updateConsent(name, value),
  }
}

/**
 * cookieconsent v3 run with these categories (`necessary` read-only), for a
 * new visitor; `returning` keeps the cookie an earlier run on this page saved
 * (the next page load of the same visitor).
 */
export async function realCookieConsent(categories: string[], { returning = false } = {}) {
  CookieConsent.reset(!returning)
  page.CookieConsent = CookieConsent
  onTestFinished(() => {
    CookieConsent.reset(true)
    delete page.CookieConsent
  })
  await CookieConsent.run({
    // Its default hides everything from automated browsers; happy-dom says it is one.
    hideFromBots: false,
    categories: Object.fromEntries([['necessary', { enabled: true, readOnly: true }], ...categories.map((c) => [c, {}])]),
    language: { default: 'en', translations: { en: { consentModal: { title: 'Cookies', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all' }, preferencesModal: { title: 'Preferences', sections: [] } } } },
  })
  return {
    /** The visitor accepts exactly these categories (the others are rejected). */
    choose: (accepted: string[]) => CookieConsent.acceptCategory(accepted),
  }
}
