/**
 * What the guard does about misuse that shows only once it meets
 * analytics-next. Loaded on demand: a page that uses the guard correctly
 * never downloads these messages.
 */
import type { AnalyticsLike, PluginLike } from '../analytics-slice'
// A type only: the class itself comes from the caller, so this chunk shares no module with the up-front one.
import type { ConsentGuardConfigError } from './config-error'

const warned = new Set<string>()
/** `console.warn` once per page for each kind of misuse. */
const warnOnce = (kind: string, message: string) => {
  if (!warned.has(kind)) console.warn(`[consent-guard] ${message}`)
  warned.add(kind)
}

/**
 * The guard's `load` ran before, in `loadedIn`. The same instance again
 * (`plugins: [guard, guard]`): the duplicate is dropped so every event passes
 * the guard once. Another instance: throws, so analytics-next drops the guard
 * from that instance only and the first one keeps its blocking.
 */
export function checkSecondLoad(guard: PluginLike, loadedIn: AnalyticsLike, instance: AnalyticsLike, ConfigError: typeof ConsentGuardConfigError): void {
  if (instance !== loadedIn) {
    throw new ConfigError('plugins', 'holds a guard that another analytics instance already loaded: call consentGuard() once per instance')
  }
  const plugins = instance.queue.plugins
  const last = plugins.lastIndexOf(guard)
  if (plugins.indexOf(guard) !== last) plugins.splice(last, 1)
  warnOnce('twice', 'the guard is registered twice in one analytics instance (e.g. plugins: [guard, guard]); the second registration is ignored')
}

/** `guard.loadOptions()` reached analytics-next, yet the guard itself was never registered. */
export function warnUnregistered(): void {
  warnOnce('unregistered', 'guard.loadOptions() is in use but the guard is not in `plugins`: events are neither stamped nor blocked, and deferred destinations never load. Add it: plugins: [guard]')
}
