/**
 * Test helpers shared by the adapter tests: record what a source delivers,
 * collect reported platform problems, and wipe the globals a fake installed.
 */
import { afterEach } from 'vitest'
import type { ConsentState } from '../../shared/routing/types'
import type { ConsentSource } from '../../plugin/consent-source'
import { onSourceProblem } from '../../plugin/adapters/source-problems'

/** A live subscription and everything it delivered, in order. */
export interface Recording {
  states: ConsentState[]
  last(): ConsentState | undefined
  stop(): void
}

const cleanups: Array<() => void> = []

/** Runs after each test in the file that imported this module. */
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

/** Subscribes and records; unsubscribed automatically after the test. */
export function record(source: ConsentSource): Recording {
  const states: ConsentState[] = []
  let stopped = false
  const unsubscribe = source.subscribe!((state) => states.push(state))
  const stop = () => {
    if (stopped) return
    stopped = true
    unsubscribe()
  }
  cleanups.push(stop)
  return { states, last: () => states[states.length - 1], stop }
}

/** Every `reportSourceProblem` call made during the test. */
export function problems(): Array<[source: string, problem: string]> {
  const seen: Array<[string, string]> = []
  cleanups.push(onSourceProblem((source, problem) => seen.push([source, problem])))
  return seen
}

/** Deletes page globals after the test (fakes install them on window). */
export function wipeAfter(...names: string[]): void {
  cleanups.push(() => {
    for (const name of names) delete (globalThis as Record<string, unknown>)[name]
  })
}

/** Lets queued microtasks (promise-based platform APIs) run. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
