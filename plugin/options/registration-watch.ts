import type { InitOptionsLike } from '../analytics-slice'

/**
 * How long after analytics-next applied `guard.loadOptions()` the guard must
 * have been registered. analytics-next registers the plugins in `plugins`
 * right after fetching the consented action destinations' code, so only a
 * very slow network takes longer.
 */
export const REGISTRATION_DEADLINE_MS = 10_000

/** `options` whose `updateCDNSettings` also checks, once the deadline passed, that the guard was registered. */
export function watchRegistration(options: InitOptionsLike, registered: () => boolean): InitOptionsLike {
  const update = options.updateCDNSettings
  return {
    ...options,
    updateCDNSettings(settings: unknown) {
      setTimeout(() => registered() || import('./misuse').then((m) => m.warnUnregistered()), REGISTRATION_DEADLINE_MS)
      return update ? update(settings) : settings
    },
  }
}
