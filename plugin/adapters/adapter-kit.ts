/**
 * The few helpers every platform adapter shares: building states, calling
 * untrusted platform code without letting it throw into the page, the two
 * waiting strategies (a short-lived subscription for `read()`, a bounded poll
 * for platforms with no ready signal), and the subscription of platforms that
 * announce changes as window events. Kept tiny on purpose: each adapter must
 * stay under 1 KB min+gzip with this file included (a helper is worth it only
 * where the adapters using it do not grow).
 *
 * What `explicit` means here: the user acted *on this page view* (the platform
 * reported a user action, or we saw it undecided and then decided). A choice
 * stored on an earlier visit is `explicit: false`, so that the core's rule "a
 * pending -> decided transition counts only when explicit" sends no consent
 * change event for a returning visitor, even when the platform loads after the
 * plugin.
 */
import type { ConsentModel, ConsentState } from '../../shared/routing/types'
import type { ConsentSource } from '../consent-source'
import { reportSourceProblem } from './source-problems'

export type Categories = Record<string, boolean>
/** A source whose `read()` answers at once (the platform keeps its state in globals). */
export type SyncConsentSource = Omit<ConsentSource, 'read'> & { read(): ConsentState }
/** A source whose `read()` waits briefly for a callback-style platform API. */
export type AsyncConsentSource = Omit<ConsentSource, 'read'> & { read(): Promise<ConsentState> }
export type OnChange = (state: ConsentState) => void
export type Subscribe = (onChange: OnChange) => () => void

/** The page's globals, typed loosely: everything a platform puts there is untrusted. */
export const page = (): any => globalThis

export const isObject = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null

export const isFunction = (value: unknown): value is (...args: any[]) => any => typeof value === 'function'

/** A state with `explicit` only on decided states and `model` only when the platform reports one. */
export function consentState(
  source: string,
  decided: boolean,
  categories: Categories,
  explicit?: boolean,
  model?: ConsentModel,
): ConsentState {
  const state: ConsentState = { status: decided ? 'decided' : 'pending', categories, source }
  if (decided) state.explicit = explicit === true
  if (model) state.model = model
  return state
}

/** The state while the platform is missing, loading or broken. */
export const pending = (source: string): ConsentState => consentState(source, false, {})

/**
 * Runs platform-facing code; a throw (a broken platform API, or our own check
 * rejecting a garbage global) becomes a reported problem and `undefined`.
 */
export function attempt<T>(source: string, run: () => T): T | undefined {
  try {
    return run()
  } catch (error) {
    let text = '?'
    try {
      text = error instanceof Error ? error.message : String(error)
    } catch {
      // An error object whose toString throws: keep the generic text.
    }
    reportSourceProblem(source, text)
    return undefined
  }
}

/** Wraps a callback handed to the platform, so nothing we do can throw back into it. */
export const guarded =
  <A extends unknown[]>(source: string, run: (...args: A) => void) =>
  (...args: A): void => {
    attempt(source, () => run(...args))
  }

/** How long `read()` waits for a callback-style platform to answer before saying pending. */
export const READ_GRACE_MS = 200

/**
 * `read()` for platforms that only answer through callbacks (stub queues,
 * promises, listeners that fire on registration): the first state a
 * short-lived subscription delivers, or pending after `READ_GRACE_MS`.
 */
export function firstState(source: string, subscribe: Subscribe): Promise<ConsentState> {
  return new Promise((resolve) => {
    let done = false
    let stop: (() => void) | undefined
    const finish = (state: ConsentState, timedOut?: boolean): void => {
      if (done) return
      done = true
      clearTimeout(timer)
      resolve(state)
      // Unsubscribing from inside the platform's own callback could upset its loop: defer that.
      if (timedOut) stop?.()
      else setTimeout(() => stop?.(), 0)
    }
    const timer = setTimeout(() => finish(pending(source), true), READ_GRACE_MS)
    stop = subscribe((state) => finish(state))
  })
}

/**
 * `subscribe()` for platforms that announce changes as window events (the
 * adapter re-reads on each): `listener` (guarded by the caller) until
 * unsubscribed; a removed listener is not called again, even by an event being
 * dispatched. Window events reach us whatever the load order, so nothing to wait for.
 */
export function onWindowEvents(events: string[], listener: (event: Event) => void): () => void {
  const g = page()
  for (const name of events) g.addEventListener(name, listener)
  return () => {
    for (const name of events) g.removeEventListener(name, listener)
  }
}

/** Poll period and the number of checks (10 s in all). */
export const POLL_MS = 250
export const POLL_CHECKS = 40

/**
 * Bounded poll, only for platforms with no ready signal at all (IAB APIs with
 * no stub on the page, Klaro): checks every 250 ms for 10 s, then reports that
 * the platform never appeared. Calls `then` once `present()` is true. Returns
 * a cancel function.
 */
export function pollFor(source: string, present: () => boolean, then: () => void): () => void {
  let left = POLL_CHECKS
  const timer = setInterval(() => {
    if (attempt(source, present)) {
      clearInterval(timer)
      attempt(source, then)
    } else if (!--left) {
      clearInterval(timer)
      reportSourceProblem(source, 'not found on the page')
    }
  }, POLL_MS)
  return () => clearInterval(timer)
}

/** Removes one queued item from a platform's pre-load queue, if it is still there. */
export function unqueue(queue: unknown, item: unknown): void {
  if (!Array.isArray(queue)) return
  const at = queue.indexOf(item)
  if (at >= 0) queue.splice(at, 1)
}
