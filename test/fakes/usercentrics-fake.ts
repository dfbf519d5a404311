/**
 * Fake Usercentrics Web CMPs, from usercentrics.com/docs:
 * - v3 (`web.cmp.usercentrics.eu/ui/loader.js`): `window.__ucCmp` with
 *   promise-returning `isInitialized()`, `getConsentDetails()` (`{ consent:
 *   { status, type: 'IMPLICIT' | 'EXPLICIT', required, ... }, services:
 *   { [id]: { name, category, essential, consent: { given, type } } },
 *   categories: { [slug]: { state, dps } } }`), `acceptAllConsents()`,
 *   `denyAllConsents()`, `updateServicesConsents()` + `saveConsents()`;
 * - v2 (`app.usercentrics.eu/browser-ui/latest/loader.js`): `window.UC_UI`
 *   with `isInitialized()`, `getServicesBaseInfo()` (`[{ id, name,
 *   categorySlug, consent: { status, history } }]`), `isConsentRequired()`,
 *   `acceptAllConsents()`, `denyAllConsents()`;
 * - window events: `UC_UI_INITIALIZED` on init, `UC_CONSENT` (v3, on init and
 *   after each change), `UC_UI_CMP_EVENT` (`detail.type` ACCEPT_ALL |
 *   DENY_ALL | SAVE | CMP_SHOWN ..., `detail.source` FIRST_LAYER | SECOND_LAYER
 *   ...), and the admin-configured custom event;
 * - re-opening the settings: v3 `__ucCmp.showSecondLayer()`, v2
 *   `UC_UI.showSecondLayer()`, which report CMP_SHOWN and change nothing.
 *
 * Write side, as documented: v3 `acceptAllConsents()`, `denyAllConsents()`,
 * `updateServicesConsents([{ id, consent }])` and
 * `updateCategoriesConsents([{ id, consent }])` only change the pending
 * status; `saveConsents('EXPLICIT' | 'IMPLICIT')` stores it and fires
 * `UC_CONSENT`. v2 `acceptService(id)`, `rejectService(id)`,
 * `acceptServices(ids)`, `rejectServices(ids)` store at once. Calls from a
 * script fire no `UC_UI_CMP_EVENT` (that reports clicks in the UI), only the
 * change events. Essential services stay accepted.
 */
import { wipeAfter } from './adapter-harness'

export interface UcService {
  id: string
  name: string
  category: string
  essential?: boolean
}

export const UC_SERVICES: UcService[] = [
  { id: 'H1Vl5NidjWX', name: 'Usercentrics Consent Management Platform', category: 'essential', essential: true },
  { id: '87JYasXPF', name: 'Google Analytics 4', category: 'marketing' },
  { id: 'B1Hk_zoTX', name: 'Google Ads Remarketing', category: 'marketing' },
  { id: 'S1pcEj_jZX', name: 'Hotjar', category: 'functional' },
]

export interface UcFakeOptions {
  version: 2 | 3
  /** Consent stored by an earlier visit: service id -> given. */
  stored?: Record<string, boolean>
  /** The visitor needs no consent (e.g. outside the EU): implied, everything given. */
  notRequired?: boolean
  /** The custom window event configured in the admin. */
  customEvent?: string
}

export function usercentricsFake(options: UcFakeOptions) {
  const w = globalThis as Record<string, any>
  wipeAfter('__ucCmp', 'UC_UI')
  let initialized = false
  let type: 'IMPLICIT' | 'EXPLICIT' = options.stored ? 'EXPLICIT' : 'IMPLICIT'
  let required = !options.stored && !options.notRequired
  const given: Record<string, boolean> = Object.fromEntries(UC_SERVICES.map((s) => [s.id, !!s.essential || !!options.notRequired || !!options.stored?.[s.id]]))

  const details = () => {
    const categories: Record<string, { state: string; dps: Record<string, boolean> }> = {}
    for (const s of UC_SERVICES) (categories[s.category] ??= { state: '', dps: {} }).dps[s.id] = given[s.id]
    for (const c of Object.values(categories)) {
      const values = Object.values(c.dps)
      c.state = values.every(Boolean) ? 'ALL_ACCEPTED' : values.some(Boolean) ? 'SOME_ACCEPTED' : 'ALL_DENIED'
    }
    const values = Object.values(given)
    return {
      consent: { status: values.every(Boolean) ? 'ALL_ACCEPTED' : 'SOME_DENIED', required, type, version: 1, controllerId: 'ctrl', language: 'en', setting: { id: 'fake', type: 'GDPR', version: '1' } },
      services: Object.fromEntries(UC_SERVICES.map((s) => [s.id, { name: s.name, version: '1', category: s.category, essential: !!s.essential, consent: { given: given[s.id], type } }])),
      categories,
    }
  }
  const fire = (name: string, detail?: unknown) => w.dispatchEvent(new CustomEvent(name, { detail }))
  const userAction = async (kind: string, consent: (s: UcService) => boolean) => {
    for (const s of UC_SERVICES) given[s.id] = !!s.essential || consent(s)
    type = 'EXPLICIT'
    required = false
    fire('UC_UI_CMP_EVENT', { source: 'FIRST_LAYER', type: kind })
    if (options.version === 3) fire('UC_CONSENT', details())
    if (options.customEvent) fire(options.customEvent, { event: 'consent_status', type: 'explicit' })
  }

  // A choice made through the API: stored, announced by the change events only.
  const store = (next: Record<string, boolean>, consentType: 'IMPLICIT' | 'EXPLICIT') => {
    for (const s of UC_SERVICES) given[s.id] = !!s.essential || next[s.id] === true
    type = consentType
    required = false
    if (options.version === 3) fire('UC_CONSENT', details())
    if (options.customEvent) fire(options.customEvent, { event: 'consent_status', type: consentType.toLowerCase() })
  }
  // v3 API changes wait here for saveConsents().
  let staged: Record<string, boolean> | undefined
  const stage = (change: (s: UcService) => boolean | undefined) => {
    const next = { ...(staged ?? given) }
    for (const s of UC_SERVICES) next[s.id] = !!s.essential || (change(s) ?? next[s.id])
    staged = next
  }
  type Consents = Array<{ id: string; consent: boolean }>
  const pick = (list: Consents, key: (s: UcService) => string) => (s: UcService) => list.find((c) => c.id === key(s))?.consent

  const v3 = {
    isInitialized: async () => initialized,
    getConsentDetails: async () => details(),
    acceptAllConsents: async () => stage(() => true),
    denyAllConsents: async () => stage(() => false),
    updateServicesConsents: async (list: Consents) => stage(pick(list, (s) => s.id)),
    updateCategoriesConsents: async (list: Consents) => stage(pick(list, (s) => s.category)),
    saveConsents: async (consentType: 'IMPLICIT' | 'EXPLICIT' = 'EXPLICIT') => {
      const next = staged ?? given
      staged = undefined
      store(next, consentType)
    },
    showFirstLayer: async () => fire('UC_UI_CMP_EVENT', { source: 'FIRST_LAYER', type: 'CMP_SHOWN' }),
    showSecondLayer: async () => fire('UC_UI_CMP_EVENT', { source: 'SECOND_LAYER', type: 'CMP_SHOWN' }),
  }
  const v2 = {
    isInitialized: () => initialized,
    isConsentRequired: () => required,
    getServicesBaseInfo: () =>
      UC_SERVICES.map((s) => ({
        id: s.id,
        name: s.name,
        categorySlug: s.category,
        isEssential: !!s.essential,
        consent: { status: given[s.id], history: [{ action: 'onInitialPageLoad', status: given[s.id], type: type.toLowerCase(), timestamp: 1 }] },
      })),
    acceptAllConsents: () => userAction('ACCEPT_ALL', () => true),
    denyAllConsents: () => userAction('DENY_ALL', () => false),
    acceptService: async (id: string) => v2.acceptServices([id]),
    rejectService: async (id: string) => v2.rejectServices([id]),
    acceptServices: async (ids: string[]) => store({ ...given, ...Object.fromEntries(ids.map((id) => [id, true])) }, 'EXPLICIT'),
    rejectServices: async (ids: string[]) => store({ ...given, ...Object.fromEntries(ids.map((id) => [id, false])) }, 'EXPLICIT'),
    showSecondLayer: () => fire('UC_UI_CMP_EVENT', { source: 'SECOND_LAYER', type: 'CMP_SHOWN' }),
  }

  return {
    /** The loader runs: the API object exists, then the CMP initializes. */
    load() {
      if (options.version === 3) w.__ucCmp = v3
      else w.UC_UI = v2
      initialized = true
      fire('UC_UI_INITIALIZED')
      if (options.version === 3) fire('UC_CONSENT', details())
    },
    /** The API object exists but the CMP has not initialized yet (v2). */
    loadUninitialized() {
      w.UC_UI = v2
    },
    acceptAll: () => userAction('ACCEPT_ALL', () => true),
    denyAll: () => userAction('DENY_ALL', () => false),
    /** The user saves a selection in the second layer. */
    save: (ids: string[]) => userAction('SAVE', (s) => ids.includes(s.id)),
    showBanner: () => fire('UC_UI_CMP_EVENT', { source: 'FIRST_LAYER', type: 'CMP_SHOWN' }),
    /** The visitor opens the settings again (the site's privacy link calls `showSecondLayer()`). */
    showChoices: () => void (options.version === 3 ? v3.showSecondLayer() : v2.showSecondLayer()),
    v3,
    v2,
  }
}
