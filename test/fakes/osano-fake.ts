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
 */
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
    showDialog() {},
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
      emit('osano-cm-initialized', saved ? { ...consent } : undefined)
    },
    /** The user toggles in the drawer without saving: nothing is in force yet. */
    toggle(choice: Choice) {
      emit('osano-cm-consent-changed', Object.fromEntries(Object.entries(choice).map(([k, v]) => [k, v ? 'ACCEPT' : 'DENY'])))
    },
    /** The user saves. */
    save(choice: Choice) {
      set(choice)
      saved = true
      emit('osano-cm-consent-saved', { ...consent })
    },
    listenerCount: () => Object.values(listeners).reduce((n, l) => n + l.length, 0),
  }
}
