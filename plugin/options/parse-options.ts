import { ConsentGuardConfigError } from './config-error'
import { DEFAULT_WAIT, type ConsentGuardOptions, type ResolvedOptions } from './consent-guard-options'

const KNOWN = new Set<keyof ConsentGuardOptions>([
  'cmp',
  'consentModel',
  'integrationCategoryMappings',
  'categoryRule',
  'unmappedDestinations',
  'waitForConsent',
  'gpc',
  'consentChangedEvent',
  'lazyDestinations',
  'enforceCloudMode',
  'diagnostics',
  'destinationHosts',
])

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[], fallback: T): T
function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[], fallback: undefined): T | undefined
function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[], fallback: T | undefined) {
  if (value === undefined) return fallback
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  throw new ConsentGuardConfigError(option, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value)
}

function flag(option: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (typeof value === 'boolean') return value
  throw new ConsentGuardConfigError(option, 'must be a boolean', value)
}

function stringLists(option: string, value: unknown): Record<string, string[]> {
  if (value === undefined) return {}
  if (!isObject(value)) throw new ConsentGuardConfigError(option, 'must be an object of destination name -> string[]', value)
  const out: Record<string, string[]> = {}
  for (const [key, list] of Object.entries(value)) {
    if (!Array.isArray(list) || !list.every((c) => typeof c === 'string' && c.length > 0)) {
      throw new ConsentGuardConfigError(`${option}.${key}`, 'must be an array of non-empty strings', list)
    }
    out[key] = [...list]
  }
  return out
}

function positiveInt(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value
  throw new ConsentGuardConfigError(option, 'must be a whole number >= 0', value)
}

/** Validates `consentGuard()` options; throws `ConsentGuardConfigError`, never falls back silently. */
export function parseOptions(input: unknown): ResolvedOptions {
  if (!isObject(input)) throw new ConsentGuardConfigError('options', 'must be an object such as { cmp: custom({ read }) }', input)
  for (const key of Object.keys(input)) {
    if (!KNOWN.has(key as keyof ConsentGuardOptions)) throw new ConsentGuardConfigError(key, 'is not a consentGuard option')
  }
  const cmp = input.cmp
  if (!isObject(cmp) || typeof cmp.name !== 'string' || typeof cmp.read !== 'function') {
    throw new ConsentGuardConfigError('cmp', 'is required: a consent source { name, read(), subscribe?() } such as custom({ read })', cmp)
  }
  if (cmp.subscribe !== undefined && typeof cmp.subscribe !== 'function') {
    throw new ConsentGuardConfigError('cmp.subscribe', 'must be a function when given', cmp.subscribe)
  }

  const rule = input.categoryRule
  if (rule !== undefined && rule !== 'all' && rule !== 'any' && typeof rule !== 'function') {
    throw new ConsentGuardConfigError('categoryRule', "must be 'all', 'any' or a function", rule)
  }

  const wait = input.waitForConsent
  if (wait !== undefined && !isObject(wait)) throw new ConsentGuardConfigError('waitForConsent', 'must be an object { timeoutMs?, maxEvents? }', wait)
  for (const key of Object.keys(wait ?? {})) {
    if (key !== 'timeoutMs' && key !== 'maxEvents') throw new ConsentGuardConfigError(`waitForConsent.${key}`, 'is not a waitForConsent option')
  }

  const gpc = input.gpc
  let resolvedGpc: ResolvedOptions['gpc'] = false
  if (gpc !== undefined && gpc !== false) {
    if (!isObject(gpc) || !Array.isArray(gpc.deny) || !gpc.deny.every((c) => typeof c === 'string')) {
      throw new ConsentGuardConfigError('gpc', 'must be false or { deny: string[] }', gpc)
    }
    resolvedGpc = { deny: [...(gpc.deny as string[])] }
  }

  return {
    cmp: cmp as unknown as ResolvedOptions['cmp'],
    consentModel: oneOf('consentModel', input.consentModel, ['opt-in', 'opt-out'] as const, undefined),
    integrationCategoryMappings: stringLists('integrationCategoryMappings', input.integrationCategoryMappings),
    categoryRule: (rule as ResolvedOptions['categoryRule']) ?? 'all',
    unmappedDestinations: oneOf('unmappedDestinations', input.unmappedDestinations, ['allow', 'block'] as const, 'allow'),
    waitForConsent: {
      timeoutMs: positiveInt('waitForConsent.timeoutMs', wait?.timeoutMs, DEFAULT_WAIT.timeoutMs),
      maxEvents: positiveInt('waitForConsent.maxEvents', wait?.maxEvents, DEFAULT_WAIT.maxEvents),
    },
    gpc: resolvedGpc,
    consentChangedEvent: flag('consentChangedEvent', input.consentChangedEvent, true),
    lazyDestinations: flag('lazyDestinations', input.lazyDestinations, true),
    enforceCloudMode: flag('enforceCloudMode', input.enforceCloudMode, false),
    diagnostics: oneOf('diagnostics', input.diagnostics, ['auto', 'always', 'off'] as const, 'auto'),
    destinationHosts: stringLists('destinationHosts', input.destinationHosts),
  }
}
