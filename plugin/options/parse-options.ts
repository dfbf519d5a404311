import { ConsentGuardConfigError } from './config-error'
import { DEFAULT_WAIT, type ConsentGuardOptions, type ResolvedOptions } from './consent-guard-options'

type Check = (value: unknown, option: string) => unknown
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const fail = (option: string, problem: string, value?: unknown): never => {
  throw new ConsentGuardConfigError(option, problem, value)
}

const oneOf =
  (...allowed: string[]): Check =>
  (v, option) =>
    allowed.includes(v as string) ? v : fail(option, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`, v)
const flag: Check = (v, option) => (typeof v === 'boolean' ? v : fail(option, 'must be a boolean', v))
const wholeNumber: Check = (v, option) => (Number.isInteger(v) && (v as number) >= 0 ? v : fail(option, 'must be a whole number >= 0', v))
const stringList = (v: unknown, option: string) =>
  Array.isArray(v) && v.every((c) => typeof c === 'string' && c) ? [...v] : fail(option, 'must be an array of non-empty strings', v)
const listsByName: Check = (v, option) => {
  if (!isObject(v)) fail(option, 'must be an object of destination name -> string[]', v)
  return Object.fromEntries(Object.entries(v as object).map(([key, list]) => [key, stringList(list, `${option}.${key}`)]))
}
const source: Check = (v, option) =>
  isObject(v) && typeof v.name === 'string' && typeof v.read === 'function' && (v.subscribe === undefined || typeof v.subscribe === 'function')
    ? v
    : fail(option, 'is required: a consent source { name, read(), subscribe?() } such as custom({ read })', v)
const rule: Check = (v, option) => (v === 'all' || v === 'any' || typeof v === 'function' ? v : fail(option, "must be 'all', 'any' or a function", v))
const gpc: Check = (v, option) => (v === false ? v : isObject(v) && Object.keys(v).join() === 'deny' ? { deny: stringList(v.deny, `${option}.deny`) } : fail(option, 'must be false or { deny: string[] }', v))
const wait: Check = (v, option) => {
  if (!isObject(v)) fail(option, 'must be an object { timeoutMs?, maxEvents? }', v)
  return parseFields(v as Record<string, unknown>, { timeoutMs: [wholeNumber, DEFAULT_WAIT.timeoutMs], maxEvents: [wholeNumber, DEFAULT_WAIT.maxEvents] }, `${option}.`)
}

/** Each option: its check and its default (`undefined`: none, or required when the check says so). */
const OPTIONS: Record<keyof ConsentGuardOptions, [Check, unknown]> = {
  cmp: [source, undefined],
  consentModel: [oneOf('opt-in', 'opt-out'), undefined],
  integrationCategoryMappings: [listsByName, {}],
  categoryRule: [rule, 'all'],
  unmappedDestinations: [oneOf('allow', 'block'), 'allow'],
  waitForConsent: [wait, { ...DEFAULT_WAIT }],
  gpc: [gpc, false],
  consentChangedEvent: [flag, true],
  lazyDestinations: [flag, true],
  enforceCloudMode: [flag, false],
  diagnostics: [oneOf('auto', 'always', 'off'), 'auto'],
  destinationHosts: [listsByName, {}],
}

function parseFields(input: Record<string, unknown>, fields: Record<string, [Check, unknown]>, prefix: string) {
  for (const key of Object.keys(input)) if (!(key in fields)) fail(`${prefix}${key}`, `is not a ${prefix ? prefix.slice(0, -1) : 'consentGuard'} option`)
  const out: Record<string, unknown> = {}
  for (const [key, [check, fallback]] of Object.entries(fields)) {
    const value = input[key]
    out[key] = value === undefined && (fallback !== undefined || key !== 'cmp') ? fallback : check(value, prefix + key)
  }
  return out
}

/** Validates `consentGuard()` options; throws `ConsentGuardConfigError` naming the option, never falls back silently. */
export function parseOptions(input: unknown): ResolvedOptions {
  if (!isObject(input)) fail('options', 'must be an object such as { cmp: custom({ read }) }', input)
  return parseFields(input as Record<string, unknown>, OPTIONS, '') as unknown as ResolvedOptions
}
