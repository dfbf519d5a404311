import type { DestinationLoadState } from '../../shared/protocol/protocol'

/** What the debugger is told about a destination loaded on grant. */
export interface LoadDetails {
  error?: string
  /** The script its code came from, or `plugin factory`. */
  loadedFrom?: string
  /** How many of the site's destination middleware apply to it. */
  middleware?: number
  /** The transformer types of the Destination Filters that apply to it. */
  filters?: string[]
}

/** Hears a destination's end: `lazy-loaded` once its own `load` resolved, `failed` when its code did not arrive or its `load` rejected. */
export type LoadReport = (action: 'lazy-loaded' | 'failed', destination: string, details: LoadDetails) => void

/** Records a destination's end in the load states and reports it. */
export function settleLoad(states: Map<string, DestinationLoadState>, report: LoadReport) {
  return (name: string, state: 'loaded' | 'failed', details: LoadDetails): void => {
    states.set(name, state)
    report(state === 'loaded' ? 'lazy-loaded' : 'failed', name, details)
  }
}
