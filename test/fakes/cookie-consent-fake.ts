/**
 * A fake orestbida cookieconsent v3 (`vanilla-cookieconsent` UMD build), from
 * cookieconsent.orestbida.com: `window.CookieConsent` with `run(config)`,
 * `validConsent()`, `getUserPreferences()` (`{ acceptType, acceptedCategories,
 * rejectedCategories, acceptedServices, rejectedServices }`), `getConfig(field)`,
 * `acceptCategory(categories)`; the window events `cc:onFirstConsent` (first
 * choice only), `cc:onConsent` (first choice and every later page load with a
 * valid consent) and `cc:onChange` (a later change), each with
 * `detail.cookie`.
 *
 * Write side, as the banner's buttons use it: `acceptCategory('all')`,
 * `acceptCategory([])` (only the read-only categories) and
 * `acceptCategory(['analytics'])` (exactly these, plus read-only ones), then
 * `hide()` / `hidePreferences()`. `getConfig('categories')` returns the
 * `categories` passed to `run()` (undefined before).
 */
import { wipeAfter } from './adapter-harness'

export const CC_CATEGORIES = ['necessary', 'analytics', 'ads']

export function cookieConsentFake(options: { stored?: string[]; mode?: 'opt-in' | 'opt-out' } = {}) {
  const w = globalThis as Record<string, any>
  wipeAfter('CookieConsent')
  const mode = options.mode ?? 'opt-in'
  let accepted: string[] | undefined = options.stored && ['necessary', ...options.stored]
  const fire = (name: string, detail: unknown) => w.dispatchEvent(new CustomEvent(name, { detail }))
  let config: { categories: Record<string, { enabled?: boolean; readOnly?: boolean }> } | undefined
  let visible = true
  const cookie = () => ({ categories: [...(accepted ?? [])], revision: 0, data: null, consentId: 'fake', services: {} })

  const api = {
    run: async (given: typeof config) => {
      config = given
      visible = !accepted
      if (accepted) fire('cc:onConsent', { cookie: cookie() })
    },
    validConsent: () => accepted !== undefined,
    getConfig: (field?: string) => (field === 'mode' ? mode : field === 'categories' ? config?.categories : { ...config, mode }),
    hide: () => void (visible = false),
    hidePreferences: () => {},
    getUserPreferences: () => {
      // Before a choice, opt-out mode reports the default (enabled) categories as accepted.
      const on = accepted ?? (mode === 'opt-out' ? CC_CATEGORIES : ['necessary'])
      return {
        acceptType: on.length === CC_CATEGORIES.length ? 'all' : on.length === 1 ? 'necessary' : 'custom',
        acceptedCategories: [...on],
        rejectedCategories: CC_CATEGORIES.filter((c) => !on.includes(c)),
        acceptedServices: {},
        rejectedServices: {},
      }
    },
    acceptCategory: (categories: string[] | 'all') => {
      const first = accepted === undefined
      const before = accepted ?? []
      accepted = ['necessary', ...(categories === 'all' ? CC_CATEGORIES : categories).filter((c) => c !== 'necessary')]
      if (first) {
        fire('cc:onFirstConsent', { cookie: cookie() })
        fire('cc:onConsent', { cookie: cookie() })
      } else {
        const changedCategories = CC_CATEGORIES.filter((c) => before.includes(c) !== accepted!.includes(c))
        if (changedCategories.length) fire('cc:onChange', { cookie: cookie(), changedCategories, changedServices: {} })
      }
    },
  }
  return {
    api,
    /** The UMD script runs and the site calls run(). */
    load() {
      w.CookieConsent = api
      void api.run({ categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, ads: {} } })
    },
    choose: (categories: string[] | 'all') => api.acceptCategory(categories),
    /** Whether the consent banner is showing. */
    bannerVisible: () => visible,
  }
}
