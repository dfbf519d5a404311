import type { ConsentSource } from '../consent-source'
import { ConsentGuardConfigError } from '../options/config-error'

/**
 * Fixed categories, already decided: for tests, server-side decisions, or
 * sites without a banner. `explicit: false`, since no user acted on the page.
 *
 * @example
 * consentGuard({ cmp: staticConsent({ Analytics: true, Advertising: false }) })
 */
export function staticConsent(categories: Record<string, boolean>): ConsentSource {
  if (typeof categories !== 'object' || categories === null || Array.isArray(categories))
    throw new ConsentGuardConfigError('staticConsent', 'needs an object of category -> boolean', categories)
  for (const [category, value] of Object.entries(categories))
    if (typeof value !== 'boolean') throw new ConsentGuardConfigError(`staticConsent.${category}`, 'must be a boolean', value)
  const fixed = { ...categories }
  // A fresh object per read: callers may keep or change what they receive.
  return { name: 'static', read: () => ({ status: 'decided', categories: { ...fixed }, explicit: false, source: 'static' }) }
}
