import type { ConsentState } from '../../../shared/routing/types'
import type { ConsentSource } from '../../../plugin/consent-source'

/** A consent source a test drives by hand, like a CMP whose user clicks. */
export function controlledSource(initial?: Partial<ConsentState>) {
  const listeners = new Set<(s: ConsentState) => void>()
  let state: ConsentState = { status: 'pending', categories: {}, source: 'test', ...initial }
  const source: ConsentSource = {
    name: 'test',
    read: () => state,
    subscribe(onChange) {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
  }
  return {
    source,
    /** The user decides: explicit by default. */
    decide(categories: Record<string, boolean>, extra: Partial<ConsentState> = {}) {
      state = { status: 'decided', categories, explicit: true, source: 'test', ...extra }
      for (const l of listeners) l(state)
    },
    set(next: ConsentState) {
      state = next
      for (const l of listeners) l(state)
    },
    listenerCount: () => listeners.size,
  }
}
