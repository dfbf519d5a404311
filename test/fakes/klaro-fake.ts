/**
 * A fake Klaro! (kiprotect/klaro), from its docs and ConsentManager source:
 * `window.klaro.getManager()` returns the ConsentManager with `consents`
 * (service name -> boolean, toggled live), `savedConsents` (what was last
 * saved), `confirmed` (a saved choice exists), `watch(watcher)` /
 * `unwatch(watcher)`, and `watcher.update(manager, type, data)` for
 * 'consents' (a toggle), 'saveConsents' (`{ changes, consents, type }`,
 * type 'accept' | 'decline' | 'save' from the UI, 'script' otherwise) and
 * 'applyConsents'. Klaro sets `window.klaro` when its script runs and fires
 * no ready event.
 *
 * Write side, as Klaro's own buttons use it: `manager.config.services`
 * (`{ name, purposes, required }`), `updateConsent(name, value)`,
 * `changeAll(value)` (required services stay on; returns how many changed)
 * and `saveAndApplyConsents(type)` with 'accept' | 'decline' | 'save'.
 */
import { wipeAfter } from './adapter-harness'

type Watcher = { update(manager: unknown, type: string, data: unknown): void }

export const KLARO_SERVICES = ['matomo', 'youtube', 'google-ads']

export function klaroFake(options: { stored?: Record<string, boolean> } = {}) {
  const w = globalThis as Record<string, any>
  wipeAfter('klaro')
  const watchers = new Set<Watcher>()
  const defaults = Object.fromEntries(KLARO_SERVICES.map((s) => [s, false]))
  const manager = {
    config: { services: KLARO_SERVICES.map((name) => ({ name, purposes: [name === 'matomo' ? 'analytics' : 'marketing'], required: false })) },
    consents: { ...defaults, ...options.stored },
    savedConsents: { ...defaults, ...options.stored },
    confirmed: options.stored !== undefined,
    changed: false,
    watch: (watcher: Watcher) => void watchers.add(watcher),
    unwatch: (watcher: Watcher) => void watchers.delete(watcher),
    notify(type: string, data: unknown) {
      for (const watcher of [...watchers]) watcher.update(manager, type, data)
    },
    updateConsent(name: string, value: boolean) {
      manager.consents[name] = value
      manager.changed = true
      manager.notify('consents', manager.consents)
    },
    changeAll(value: boolean) {
      let changed = 0
      for (const service of manager.config.services) {
        const next = value || service.required
        if (manager.consents[service.name] !== next) changed++
        manager.updateConsent(service.name, next)
      }
      return changed
    },
    saveAndApplyConsents(type: string) {
      manager.confirmed = true
      manager.changed = false
      manager.savedConsents = { ...manager.consents }
      manager.notify('saveConsents', { changes: {}, consents: manager.consents, type })
      manager.notify('applyConsents', 0)
    },
  }
  return {
    manager,
    load() {
      w.klaro = { getManager: () => manager, show() {}, version: () => 'v0.7.22' }
    },
    /** The user toggles services in the modal, then clicks a button. */
    choose(consents: Record<string, boolean>, button = 'save') {
      for (const [name, value] of Object.entries(consents)) manager.updateConsent(name, value)
      manager.saveAndApplyConsents(button)
    },
    watcherCount: () => watchers.size,
  }
}
