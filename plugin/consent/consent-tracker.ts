import type { ConsentState } from '../../shared/routing/types'
import type { ConsentSource } from '../consent-source'
import type { ConsentProblem } from './consent-problem'
import { normalizeState, pendingState, sameState } from './normalize-state'

export interface ConsentTracker {
  /** The state in force now (pending until the source says otherwise). */
  current(): ConsentState
  /** Reads and subscribes; hooks may fire before it returns. */
  start(): void
  stop(): void
}

export interface TrackerHooks {
  /**
   * A new, different state; `previous` is the one it replaces.
   * `sourceReportedPending`: the source itself said `pending` at some point
   * (our own starting placeholder does not count).
   */
  onChange(state: ConsentState, previous: ConsentState, sourceReportedPending: boolean): void
  onProblem(problem: ConsentProblem): void
}

/**
 * Follows one consent source: reads it once, subscribes, normalises every
 * state and passes on only real changes. Nothing the source does (throw,
 * reject, never settle, return garbage) escapes into the page.
 */
export function trackConsent(source: ConsentSource, hooks: TrackerHooks): ConsentTracker {
  let state = pendingState(source.name)
  let stopped = false
  let unsubscribe: (() => void) | undefined
  // A read() that settles after a subscribed change is older news: ignore it.
  let heardChange = false
  let sourceReportedPending = false

  const accept = (raw: unknown) => {
    if (stopped) return
    const result = normalizeState(raw, source.name)
    if ('problem' in result) return hooks.onProblem(result.problem)
    if (sameState(result.state, state)) {
      if (result.state.status === 'pending') sourceReportedPending = true
      return
    }
    const previous = state
    state = result.state
    hooks.onChange(state, previous, sourceReportedPending)
    if (state.status === 'pending') sourceReportedPending = true
  }
  const fail = (what: string, error: unknown) =>
    hooks.onProblem(['failed', what, error])

  const start = () => {
  try {
    unsubscribe = source.subscribe?.((next) => {
      heardChange = true
      try {
        accept(next)
      } catch (error) {
        fail('consent change handling', error)
      }
    })
  } catch (error) {
    fail('subscribe()', error)
  }
  try {
    const first = source.read()
    const acceptRead = (raw: unknown) => {
      if (!heardChange) accept(raw)
    }
    if (first && typeof (first as Promise<unknown>).then === 'function') {
      ;(first as Promise<unknown>).then(acceptRead, (error) => fail('read()', error))
    } else {
      acceptRead(first)
    }
  } catch (error) {
    fail('read()', error)
  }
  }

  return {
    current: () => state,
    start,
    stop() {
      stopped = true
      try {
        unsubscribe?.()
      } catch {
        // The source's own teardown failing is not the page's problem.
      }
    },
  }
}
