/**
 * A fake Osano CMP (osano.js), from developers.osano.com: the pre-load
 * function `window.Osano(...)` keeping calls in `Osano.data`, replayed when
 * osano.js runs ('onInitialized', 'onConsentSaved', 'onConsentChanged');
 * `window.Osano.cm` with `getConsent()` (`{ ESSENTIAL: 'ACCEPT', ANALYTICS:
 * 'ACCEPT' | 'DENY', ... }`), `addEventListener` / `removeEventListener` and
 * the events `osano-cm-initialized` (argument: the stored consent, or
 * undefined; a listener added after init is called at once),
 * `osano-cm-consent-changed` (a toggle, not saved) and
 * `osano-cm-consent-saved` (argument: the saved consent).
 *
 * Write side: Osano has no public setter, only its UI. `showDialog()` shows
 * the dialog (also on load for a visitor who has not saved) with
 * `.osano-cm-accept-all`, `.osano-cm-denyAll` and `.osano-cm-manage`;
 * `showDrawer('osano-cm-preferences')` shows the preferences drawer with one
 * `input.osano-cm-toggle__input` per category (id
 * `osano-cm-drawer-toggle--category_<CATEGORY>`, ESSENTIAL disabled) and
 * `.osano-cm-save`. The class names are the ones live Osano dialogs carry.
 */
import { onTestFinished } from 'vitest'
import { wipeAfter } from './adapter-harness'

type Callback = (consent?: Record<string, string>) => void
type Choice = Partial<Record<'ANALYTICS' | 'MARKETING' | 'PERSONALIZATION' | 'OPT_OUT', boolean>>

const PRELOAD: Record<string, string> = {
  onInitialized: 'osano-cm-initialized',
  onConsentSaved: 'osano-cm-consent-saved',
  onConsentChanged: 'osano-cm-consent-changed',
}

export function osanoFake(options: { stored?: Choice } = {}) {
  const w = globalThis as Record<string, any>
  wipeAfter('Osano')
  let initialized = false
  let saved = options.stored !== undefined
  let consent: Record<string, string> = { ESSENTIAL: 'ACCEPT', ANALYTICS: 'DENY', MARKETING: 'DENY', PERSONALIZATION: 'DENY', OPT_OUT: 'DENY' }
  const set = (choice: Choice) => {
    for (const [k, v] of Object.entries(choice)) consent[k] = v ? 'ACCEPT' : 'DENY'
  }
  if (options.stored) set(options.stored)
  const listeners: Record<string, Callback[]> = {}
  const emit = (type: string, arg?: Record<string, string>) => {
    for (const callback of [...(listeners[type] ?? [])]) callback(arg)
  }

  const cm = {
    mode: 'production',
    getConsent: () => ({ ...consent }),
    addEventListener(type: string, callback: Callback) {
      ;(listeners[type] ??= []).push(callback)
      if (type === 'osano-cm-initialized' && initialized) callback(saved ? { ...consent } : undefined)
    },
    removeEventListener(type: string, callback: Callback) {
      listeners[type] = (listeners[type] ?? []).filter((c) => c !== callback)
    },
    showDialog: () => showDialog(),
    showDrawer: (_type?: string) => showDrawer(),
  }

  // Osano's UI: one window per page; buttons save like a visitor.
  const TOGGLED = ['ESSENTIAL', 'ANALYTICS', 'MARKETING', 'PERSONALIZATION'] as const
  const ui = document.createElement('div')
  ui.className = 'osano-cm-window'
  const button = (className: string, text: string, onClick: () => void) => {
    const element = document.createElement('button')
    element.className = `osano-cm-button ${className}`
    element.textContent = text
    element.addEventListener('click', onClick)
    return element
  }
  const all = (value: boolean): Choice => ({ ANALYTICS: value, MARKETING: value, PERSONALIZATION: value })
  const saveChoice = (choice: Choice) => {
    set(choice)
    saved = true
    ui.replaceChildren()
    emit('osano-cm-consent-saved', { ...consent })
  }
  const showDialog = () => {
    const dialog = document.createElement('div')
    dialog.className = 'osano-cm-dialog'
    dialog.append(
      button('osano-cm-accept-all', 'Accept All', () => saveChoice(all(true))),
      button('osano-cm-denyAll', 'Reject Non-Essential', () => saveChoice(all(false))),
      button('osano-cm-manage', 'Manage Preferences', showDrawer),
    )
    ui.replaceChildren(dialog)
  }
  const showDrawer = () => {
    const drawer = document.createElement('div')
    drawer.className = 'osano-cm-info-dialog'
    const toggles = TOGGLED.map((category) => {
      const input = document.createElement('input')
      input.type = 'checkbox'
      input.className = 'osano-cm-toggle__input'
      input.id = `osano-cm-drawer-toggle--category_${category}`
      input.checked = consent[category] === 'ACCEPT'
      input.disabled = category === 'ESSENTIAL'
      input.addEventListener('change', () => emit('osano-cm-consent-changed', { [category]: input.checked ? 'ACCEPT' : 'DENY' }))
      return input
    })
    const save = button('osano-cm-save', 'Save', () => saveChoice(Object.fromEntries(toggles.slice(1).map((t, i) => [TOGGLED[i + 1], t.checked]))))
    drawer.append(...toggles, save)
    ui.replaceChildren(drawer)
  }

  return {
    cm,
    /** The documented pre-load snippet, as a page would have it. */
    installPreload() {
      w.Osano = w.Osano || Object.assign((...args: unknown[]) => w.Osano.data.push(args), { data: [] as unknown[][] })
    },
    /** osano.js runs: replays the pre-load queue, then initializes. */
    load() {
      const queued: unknown[][] = w.Osano?.data ?? []
      w.Osano = Object.assign((name: string, callback: Callback) => cm.addEventListener(PRELOAD[name], callback), { cm })
      for (const [name, callback] of queued) cm.addEventListener(PRELOAD[name as string], callback as Callback)
      initialized = true
      for (const stale of document.querySelectorAll('.osano-cm-window')) stale.remove()
      document.body.append(ui)
      onTestFinished(() => ui.remove())
      if (!saved) showDialog()
      emit('osano-cm-initialized', saved ? { ...consent } : undefined)
    },
    /** The user toggles in the drawer without saving: nothing is in force yet. */
    toggle(choice: Choice) {
      emit('osano-cm-consent-changed', Object.fromEntries(Object.entries(choice).map(([k, v]) => [k, v ? 'ACCEPT' : 'DENY'])))
    },
    /** The user saves. */
    save: saveChoice,
    /** The visitor opens the preferences again (the site's link calls `Osano.cm.showDrawer('osano-cm-preferences')`). */
    showChoices: () => cm.showDrawer('osano-cm-preferences'),
    /** Whether Osano's dialog or drawer is showing. */
    uiVisible: () => ui.isConnected && ui.childElementCount > 0,
    listenerCount: () => Object.values(listeners).reduce((n, l) => n + l.length, 0),
  }
}
