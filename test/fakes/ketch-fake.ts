/**
 * A fake Ketch Smart Tag, from Ketch's docs and the ketch-tag README: the
 * boot snippet (`window.semaphore = window.semaphore || []`, newer tags also
 * `window.ketch = function(){ semaphore.push(arguments) }`); once loaded,
 * `ketch(action, ...args)` with 'on' / 'once' / 'off' / 'getConsent' (a last
 * function argument receives the promise's value), queued calls replayed and
 * later `semaphore.push` run at once; the `consent` event (`{ purposes: {
 * [code]: boolean }, vendors }`) when consent is resolved (stored, or the
 * defaults of purposes needing no opt-in) and after each user choice;
 * `willShowExperience` / `hideExperience` around the banner, also when the
 * visitor opens the preferences again (`ketch('showPreferences')`).
 *
 * Write side: `ketch('setConsent', { purposes: { [code]: boolean } }, resolve)`
 * stores the purposes and emits `consent`, and `ketch('getConfig', resolve)`
 * answers `{ purposes: [{ code, requiresOptIn }] }`. Functions passed after
 * the arguments receive the result, as in the ketch-tag wrapper.
 */
import { wipeAfter } from './adapter-harness'

type Callback = (...args: any[]) => void

export interface KetchPurpose {
  code: string
  requiresOptIn: boolean
}

export const KETCH_PURPOSES: KetchPurpose[] = [
  { code: 'essential_services', requiresOptIn: false },
  { code: 'analytics', requiresOptIn: true },
  { code: 'behavioral_advertising', requiresOptIn: true },
  { code: 'data_sales', requiresOptIn: false },
]

export function ketchFake(options: { stored?: Record<string, boolean> } = {}) {
  const w = globalThis as Record<string, any>
  wipeAfter('ketch', 'semaphore')
  const handlers: Record<string, Callback[]> = {}
  let consent: { purposes: Record<string, boolean>; vendors: string[] } | undefined
  const emit = (event: string, ...args: unknown[]) => {
    for (const handler of [...(handlers[event] ?? [])]) handler(...args)
  }
  const setConsent = (purposes: Record<string, boolean>) => {
    consent = { purposes: { ...purposes }, vendors: [] }
    emit('consent', { purposes: { ...purposes }, vendors: [] })
  }

  const actions: Record<string, Callback> = {
    on: (event: string, handler: Callback) => void (handlers[event] ??= []).push(handler),
    off: (event: string, handler: Callback) => void (handlers[event] = (handlers[event] ?? []).filter((h) => h !== handler)),
    getConsent: (resolve: Callback) => Promise.resolve().then(() => resolve({ purposes: { ...consent?.purposes }, vendors: [] })),
    getConfig: (resolve: Callback) => Promise.resolve().then(() => resolve({ purposes: KETCH_PURPOSES.map((p) => ({ ...p })) })),
    showPreferences: () => emit('willShowExperience', 'experiences.preference'),
    setConsent: (given: { purposes: Record<string, boolean> }, resolve?: Callback) => {
      setConsent({ ...consent?.purposes, ...given.purposes })
      return Promise.resolve().then(() => resolve?.())
    },
  }
  const ketch = (action: string, ...args: unknown[]) => actions[action]?.(...(args as [never, never]))

  return {
    /** The boot snippet the site pastes in its head. */
    installSnippet(withKetchFunction = true) {
      w.semaphore = w.semaphore || []
      if (withKetchFunction)
        w.ketch = function () {
          // The real snippet pushes `arguments`, not an array.
          w.semaphore.push(arguments)
        }
    },
    /** ketch.js runs: replays the queue, resolves consent, shows the banner when opt-in purposes are unanswered. */
    load() {
      const queue: ArrayLike<unknown>[] = w.semaphore ?? []
      w.ketch = ketch
      w.semaphore = queue
      for (const args of Array.from(queue)) ketch(...(Array.from(args) as [string]))
      queue.length = 0
      ;(queue as unknown as { push: Callback }).push = (...items: ArrayLike<unknown>[]) => {
        for (const args of items) ketch(...(Array.from(args) as [string]))
      }
      const resolved: Record<string, boolean> = {}
      for (const p of KETCH_PURPOSES) {
        if (options.stored && p.code in options.stored) resolved[p.code] = options.stored[p.code]
        else if (!p.requiresOptIn) resolved[p.code] = true
      }
      setConsent(resolved)
      if (KETCH_PURPOSES.some((p) => !(p.code in resolved))) emit('willShowExperience', 'experiences.consent')
    },
    /** The user answers the banner or preferences. */
    choose(purposes: Record<string, boolean>) {
      setConsent({ ...consent?.purposes, ...purposes })
      emit('hideExperience', 'setConsent')
    },
    /** Emits an event with any payload (for garbage tests). */
    emitRaw: emit,
    showPreferences() {
      emit('willShowExperience', 'experiences.preference')
    },
    /** The visitor opens the preferences again (the site's link calls `ketch('showPreferences')`). */
    showChoices: () => void ketch('showPreferences'),
    handlerCount: () => Object.values(handlers).reduce((n, list) => n + list.length, 0),
  }
}
