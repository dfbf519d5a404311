import type { ConsentState } from '../../shared/routing/types'
import type { ConsentSource } from '../consent-source'
import { ConsentGuardConfigError } from '../options/config-error'
import { attempt, guarded, isFunction, isObject, pending, type Categories, type OnChange } from './adapter-kit'
import { reportSourceProblem } from './source-problems'

/** Options for `custom()`: your own consent source. */
export interface CustomSourceOptions {
  /** Adapter name, carried as `ConsentState.source`. @default 'custom' */
  name?: string
  /** The consent now; may return a promise, which must settle. */
  read: () => ConsentState | Promise<ConsentState>
  /** Calls `onChange` with each later state; returns the unsubscribe function. */
  subscribe?: (onChange: OnChange) => () => void
}

/**
 * Any consent source you write: a function that returns the state, and
 * optionally a subscription. Whatever your functions return or throw is
 * checked, so a bad state becomes pending plus a reported problem instead of
 * an exception in the page.
 *
 * @example
 * custom({ read: () => ({ status: 'decided', categories: { Analytics: true }, source: 'custom' }) })
 */
export function custom(options: CustomSourceOptions): ConsentSource {
  if (!isObject(options) || !isFunction(options.read)) throw new ConsentGuardConfigError('custom.read', 'must be a function returning a ConsentState', options)
  if (options.subscribe !== undefined && !isFunction(options.subscribe))
    throw new ConsentGuardConfigError('custom.subscribe', 'must be a function when given', options.subscribe)
  if (options.name !== undefined && (typeof options.name !== 'string' || !options.name))
    throw new ConsentGuardConfigError('custom.name', 'must be a non-empty string', options.name)
  const name = options.name ?? 'custom'

  const check = (value: unknown): ConsentState => {
    if (!isObject(value) || (value.status !== 'pending' && value.status !== 'decided') || !isObject(value.categories))
      throw new Error('custom source gave no ConsentState { status, categories }')
    const categories: Categories = {}
    for (const [category, consented] of Object.entries(value.categories)) {
      if (typeof consented === 'boolean') categories[category] = consented
      else reportSourceProblem(name, `category ${JSON.stringify(category)} is not a boolean; ignored`)
    }
    const state: ConsentState = { status: value.status, categories, source: typeof value.source === 'string' ? value.source : name }
    if (typeof value.explicit === 'boolean') state.explicit = value.explicit
    if (value.model === 'opt-in' || value.model === 'opt-out') state.model = value.model
    return state
  }
  const settle = (value: unknown) => attempt(name, () => check(value)) ?? pending(name)

  const source: ConsentSource = {
    name,
    read() {
      let value: unknown
      try {
        value = options.read()
      } catch (error) {
        attempt(name, () => {
          throw error
        })
        return pending(name)
      }
      if (isObject(value) && isFunction(value.then))
        return Promise.resolve(value).then(settle, (error: unknown) => {
          attempt(name, () => {
            throw error
          })
          return pending(name)
        })
      return settle(value)
    },
  }
  const subscribe = options.subscribe
  if (subscribe)
    source.subscribe = (onChange) => {
      const stop = attempt(name, () => subscribe(guarded(name, (state: unknown) => onChange(settle(state)))))
      if (!isFunction(stop)) reportSourceProblem(name, 'custom subscribe() did not return an unsubscribe function')
      return () => {
        if (isFunction(stop)) attempt(name, stop)
      }
    }
  return source
}
