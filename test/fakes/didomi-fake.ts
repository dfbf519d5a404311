/**
 * A fake Didomi Web SDK, from developers.didomi.io: the page's pre-load
 * queues `window.didomiOnReady` (callbacks get the `Didomi` object once the
 * SDK is ready; after that `push` runs them at once) and
 * `window.didomiEventListeners` (`{ event, listener }`, picked up on init and
 * later pushes too); `window.Didomi` with `getCurrentUserStatus()` (`{
 * purposes: { [id]: { id, enabled } }, vendors, regulation, ... }`),
 * `isConsentRequired()`, `shouldConsentBeCollected()`,
 * `setUserAgreeToAll()`, `setUserDisagreeToAll()`, `setCurrentUserStatus()`;
 * the `consent.changed` event after every change; `Didomi.preferences.show()`
 * opens the preferences again and fires `preferences.shown` (no change until
 * the visitor saves).
 */
import { wipeAfter } from './adapter-harness'

type Listener = (context: unknown) => void

export const DIDOMI_PURPOSES = ['cookies', 'analytics', 'select_personalized_ads', 'measure_ad_performance']

export interface DidomiFakeOptions {
  /** Purposes enabled by a choice stored on an earlier visit. */
  stored?: string[]
  /** Consent not required (e.g. a visitor outside the regulation's scope). */
  notRequired?: boolean
}

export function didomiFake(options: DidomiFakeOptions = {}) {
  const w = globalThis as Record<string, any>
  wipeAfter('Didomi', 'didomiOnReady', 'didomiEventListeners')
  let collected = options.stored !== undefined
  let enabled = new Set(options.stored ?? [])
  const listeners: Record<string, Listener[]> = {}

  const sdk = {
    isConsentRequired: () => !options.notRequired,
    shouldConsentBeCollected: () => !options.notRequired && !collected,
    getCurrentUserStatus: () => ({
      purposes: Object.fromEntries(DIDOMI_PURPOSES.map((id) => [id, { id, enabled: enabled.has(id) }])),
      vendors: {},
      regulation: options.notRequired ? 'none' : 'gdpr',
      user_id: 'fake-user',
      created: '2026-01-01T00:00:00Z',
      updated: '2026-01-01T00:00:00Z',
      consent_string: collected ? 'CPfake' : '',
      addtl_consent: '',
    }),
    on: (event: string, listener: Listener) => {
      ;(listeners[event] ??= []).push(listener)
    },
    preferences: {
      show: () => {
        for (const listener of [...(listeners['preferences.shown'] ?? [])]) listener({})
      },
    },
    setUserAgreeToAll: () => change(DIDOMI_PURPOSES),
    setUserDisagreeToAll: () => change([]),
    setCurrentUserStatus: (status: { purposes: Record<string, { enabled: boolean }> }) =>
      change(Object.entries(status.purposes).filter(([, p]) => p.enabled).map(([id]) => id)),
  }
  const change = (ids: string[]) => {
    enabled = new Set(ids)
    collected = true
    for (const listener of [...(listeners['consent.changed'] ?? [])]) listener({ action: 'click' })
    return true
  }

  return {
    sdk,
    /** loader.js runs: registers queued listeners, becomes ready, runs the ready queue. */
    load() {
      w.Didomi = sdk
      const events = (w.didomiEventListeners ??= [])
      for (const { event, listener } of events) sdk.on(event, listener)
      events.push = (...items: Array<{ event: string; listener: Listener }>) => {
        for (const { event, listener } of items) sdk.on(event, listener)
        return Array.prototype.push.apply(events, items)
      }
      const ready = (w.didomiOnReady ??= [])
      for (const callback of [...ready]) callback(sdk)
      ready.push = (...callbacks: Array<(d: unknown) => void>) => {
        for (const callback of callbacks) callback(sdk)
        return ready.length
      }
    },
    agreeToAll: () => sdk.setUserAgreeToAll(),
    disagreeToAll: () => sdk.setUserDisagreeToAll(),
    choose: (ids: string[]) => change(ids),
    /** The visitor opens the preferences again (the site's link calls `Didomi.preferences.show()`). */
    showChoices: () => sdk.preferences.show(),
    listenerCount: (event: string) => (listeners[event] ?? []).length,
  }
}
