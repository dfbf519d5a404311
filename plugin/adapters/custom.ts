import type { ConsentState } from '../../shared/routing/types'
import type { ConsentSource } from '../consent-source'
import { ConsentGuardConfigError } from '../options/config-error'

/** Options for `custom()`: your own consent source. */
export interface CustomSourceOptions {
  /** Adapter name, carried as `ConsentState.source`. @default 'custom' */
  name?: string
  /** The consent now; may return a promise, which must settle. */
  read: () => ConsentState | Promise<ConsentState>
  /** Calls `onChange` with each later state; returns the unsubscribe function. */
  subscribe?: (onChange: (state: ConsentState) => void) => () => void
}

/**
 * Any consent source you write: a function that returns the state, and
 * optionally a subscription. The guard checks everything a source returns
 * or throws (a bad state becomes `pending` plus a `consent` diagnostic, never
 * an exception in the page), so this adapter only checks its own options.
 *
 * @example
 * custom({ read: () => ({ status: 'decided', categories: { Analytics: true }, source: 'custom' }) })
 */
export function custom(options: CustomSourceOptions): ConsentSource {
  const { name = 'custom', read, subscribe } = options ?? ({} as CustomSourceOptions)
  if (typeof read !== 'function') throw new ConsentGuardConfigError('custom.read', 'must be a function returning a ConsentState', read)
  if (subscribe !== undefined && typeof subscribe !== 'function') throw new ConsentGuardConfigError('custom.subscribe', 'must be a function when given', subscribe)
  if (typeof name !== 'string' || !name) throw new ConsentGuardConfigError('custom.name', 'must be a non-empty string', name)
  return subscribe ? { name, read, subscribe } : { name, read }
}
