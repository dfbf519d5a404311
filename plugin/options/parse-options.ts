import { ConsentGuardConfigError } from './config-error'
import type { ResolvedOptions } from './consent-guard-options'

/**
 * Option validation from one compact schema, so the up-front bundle stays
 * light: each option's type is written once, as the README writes it, and
 * that text is both what the value is checked against and what the error
 * says was expected. A message must exist when `consentGuard()` throws, so
 * none of it can wait for an on-demand chunk.
 */
const SOURCE = 'a ConsentSource, e.g. oneTrust()'
const NAMES = 'string[]'
const BY_DESTINATION = 'Record<string, string[]>'
const FLAG = 'boolean'
const WAIT_TYPE = '{ timeoutMs?, maxEvents? }'

/** Each option: its type, then its default (none: required, unless the type allows `undefined`). */
type Schema = Record<string, [type: string, fallback?: unknown]>

const OPTIONS: Schema = {
  cmp: [SOURCE],
  consentModel: ["'opt-in' | 'opt-out' | undefined"],
  integrationCategoryMappings: [BY_DESTINATION, {}],
  categoryRule: ["'all' | 'any' | function", 'all'],
  unmappedDestinations: ["'allow' | 'block'", 'allow'],
  waitForConsent: [WAIT_TYPE, {}],
  gpc: ['{ deny: string[] } | false', false],
  consentChangedEvent: [FLAG, true],
  lazyDestinations: [FLAG, true],
  enforceCloudMode: [FLAG, false],
  diagnostics: ["'auto' | 'always' | 'off'", 'auto'],
  destinationHosts: [BY_DESTINATION, {}],
}
// A hold of 0 events would drop every event while consent is pending (`timeoutMs: 0` sends them at once).
const WAIT: Schema = { timeoutMs: ['whole number >= 0', 10_000], maxEvents: ['whole number >= 1', 1_000] }
/** What the members of an object type must be: a schema, or one type for every value. */
const MEMBERS: Record<string, Schema | string> = { [WAIT_TYPE]: WAIT, '{ deny: string[] }': { deny: [NAMES] }, [BY_DESTINATION]: NAMES }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * `value` if it has `type` (else a `ConsentGuardConfigError` naming `path`); containers are copied element by
 * element, so an error names the element (`...Braze[1]`).
 */
export function check(value: unknown, type: string, path: string): unknown {
  for (const alt of type.split(' | ')) {
    if (
      alt === typeof value ||
      (typeof value === 'string' ? alt === `'${value}'` : value === false && alt === 'false') ||
      (alt === SOURCE && isObject(value) && typeof value.name === 'string' && typeof value.read === 'function' && /^[uf]/.test(typeof value.subscribe)) ||
      (alt[0] === 'w' && Number.isInteger(value) && (value as number) >= +alt.slice(-1))
    ) {
      return value
    }
    if (alt === NAMES && Array.isArray(value)) return value.map((v, i) => (typeof v === 'string' ? v : check(v, 'string', `${path}[${i}]`)))
    if (isObject(value) && MEMBERS[alt]) return fields(value, MEMBERS[alt], `${path}.`)
  }
  throw new ConsentGuardConfigError(path, `expected ${type}`, value)
}

/** An object checked against `schema`, its defaults filled in; a type instead of a schema: every value has that type. */
function fields(input: Record<string, unknown>, schema: Schema | string, prefix: string): Record<string, unknown> {
  const each = typeof schema === 'string'
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(each ? input : { ...input, ...schema })) {
    // Only the schema's own entries are arrays: an inherited name (`toString`, `__proto__`) is unknown too.
    const [type, ...fallback] = each ? [schema] : Array.isArray(schema[key]) ? schema[key] : []
    if (!type) throw new ConsentGuardConfigError(prefix + key, `is unknown; known: ${Object.keys(schema).join(', ')}`)
    // A default goes through the same check, which fills in the defaults nested in it and copies it.
    out[key] = check(input[key] === undefined && fallback.length ? fallback[0] : input[key], type, prefix + key)
  }
  return out
}

/** Validates `consentGuard()` options; throws `ConsentGuardConfigError` naming the option, never falls back silently. */
export function parseOptions(input: unknown): ResolvedOptions {
  return fields(isObject(input) ? input : (check(input, 'an object', 'options') as never), OPTIONS, '') as unknown as ResolvedOptions
}
