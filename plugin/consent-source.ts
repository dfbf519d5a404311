import type { ConsentState } from '../shared/routing/types'

/**
 * Where consent comes from. Adapters for consent platforms return one; so
 * does `custom({ read })`.
 *
 * @example
 * const source: ConsentSource = { name: 'mine', read: () => ({ status: 'decided', categories: { C0002: true }, source: 'mine' }) }
 */
export interface ConsentSource {
  /** Adapter name, e.g. `'onetrust'`; carried as `ConsentState.source` and in diagnostics. */
  name: string
  /** The consent now. May wait for the platform to be ready, but must settle. */
  read(): ConsentState | Promise<ConsentState>
  /** Calls `onChange` with each new state; returns the unsubscribe function. */
  subscribe?(onChange: (state: ConsentState) => void): () => void
}
