/**
 * The audit's files - `--config`, `--steps`, `--selectors` - checked field by
 * field, and merged with the command line into `AuditOptions` (flags win over
 * the config file). Pure: the CLI reads and JSON-parses the files.
 */
import type { DriverSelectors } from './drivers/driver-types'
import { DEFAULT_OBSERVE_MS, DEFAULT_SCENARIOS, MAX_WAIT_STEP_MS, type AuditOptions, type AuditStep } from './audit-options'
import type { CliFlags } from './parse-args'
import { parseScenarioList } from './scenario-spec'
import { AuditUsageError } from './usage-error'

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const describe = (v: unknown) => (Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v)

function strings(where: string, v: unknown): string[] {
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw new AuditUsageError(`${where}: expected a list of strings, got ${describe(v)}`)
  return v as string[]
}

function stringLists(where: string, v: unknown): Record<string, string[]> {
  if (!isRecord(v)) throw new AuditUsageError(`${where}: expected an object of destination -> list of strings, got ${describe(v)}`)
  return Object.fromEntries(Object.entries(v).map(([k, list]) => [k, strings(`${where}["${k}"]`, list)]))
}

function ms(where: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new AuditUsageError(`${where}: expected a whole number of milliseconds, got ${JSON.stringify(v)}`)
  return v
}

function text(where: string, v: unknown): string {
  if (typeof v !== 'string' || v.length === 0) throw new AuditUsageError(`${where}: expected a non-empty string, got ${describe(v)}`)
  return v
}

/** A `--steps` file: a list of `{ click } | { goto } | { waitFor } | { track } | { wait }`. */
export function parseSteps(json: unknown, where = 'steps'): AuditStep[] {
  if (!Array.isArray(json)) throw new AuditUsageError(`${where}: expected a list of steps, got ${describe(json)}`)
  return json.map((step, i): AuditStep => {
    const at = `${where}[${i}]`
    const keys = isRecord(step) ? Object.keys(step) : []
    if (!isRecord(step) || keys.length !== 1) throw new AuditUsageError(`${at}: a step is an object with one key: click, goto, waitFor, track or wait`)
    const [key] = keys
    const value = step[key]
    switch (key) {
      case 'click':
        return { click: text(`${at}.click`, value) }
      case 'goto':
        return { goto: text(`${at}.goto`, value) }
      case 'waitFor':
        return { waitFor: text(`${at}.waitFor`, value) }
      case 'track':
        return { track: text(`${at}.track`, value) }
      case 'wait': {
        const wait = ms(`${at}.wait`, value)
        if (wait > MAX_WAIT_STEP_MS) throw new AuditUsageError(`${at}.wait: at most ${MAX_WAIT_STEP_MS} ms (use waitFor a selector instead)`)
        return { wait }
      }
      default:
        throw new AuditUsageError(`${at}: unknown step "${key}" (use click, goto, waitFor, track or wait)`)
    }
  })
}

const SELECTOR_KEYS = ['acceptAll', 'rejectAll', 'openSettings', 'save', 'category'] as const

/** A `--selectors` file: `{ acceptAll?, rejectAll?, openSettings?, save?, category? }` (category: a template with `{id}`). */
export function parseSelectors(json: unknown, where = 'selectors'): DriverSelectors {
  if (!isRecord(json)) throw new AuditUsageError(`${where}: expected an object, got ${describe(json)}`)
  const out: DriverSelectors = {}
  for (const [key, value] of Object.entries(json)) {
    if (!(SELECTOR_KEYS as readonly string[]).includes(key)) throw new AuditUsageError(`${where}: unknown key "${key}" (use ${SELECTOR_KEYS.join(', ')})`)
    ;(out as Record<string, string>)[key] = text(`${where}.${key}`, value)
  }
  if (typeof out.category === 'string' && !out.category.includes('{id}')) throw new AuditUsageError(`${where}.category: write the toggle selector with {id} where the category id goes`)
  return out
}

/** What a config file may set: the flags' options in camelCase, plus the destination tables. */
type ConfigFile = Partial<Omit<AuditOptions, 'url' | 'json' | 'html' | 'headed' | 'extension' | 'chromePath'>>

/** A `--config` file, checked; unknown keys are refused so a typo cannot silently do nothing. */
export function parseConfig(json: unknown, where = 'config'): ConfigFile {
  if (!isRecord(json)) throw new AuditUsageError(`${where}: expected an object, got ${describe(json)}`)
  const out: ConfigFile = {}
  for (const [key, v] of Object.entries(json)) {
    const at = `${where}.${key}`
    switch (key) {
      case 'platform': out.platform = text(at, v); break
      case 'selectors': out.selectors = parseSelectors(v, at); break
      case 'categories': out.categories = strings(at, v); break
      case 'scenarios': out.scenarios = parseScenarioList(strings(at, v).join(',')); break
      case 'steps': out.steps = parseSteps(v, at); break
      case 'destinationHosts': out.destinationHosts = stringLists(at, v); break
      case 'destinationCookies': out.destinationCookies = stringLists(at, v); break
      case 'destinationCategories': out.destinationCategories = stringLists(at, v); break
      case 'consentModel':
        if (v !== 'opt-in' && v !== 'opt-out') throw new AuditUsageError(`${at}: expected "opt-in" or "opt-out"`)
        out.consentModel = v
        break
      case 'necessary': out.necessary = strings(at, v); break
      case 'gpcDeny': out.gpcDeny = strings(at, v); break
      case 'allowHosts': out.allowHosts = strings(at, v); break
      case 'timeoutMs': out.timeoutMs = ms(at, v); break
      case 'quietMs': out.quietMs = ms(at, v); break
      case 'settleMs': out.settleMs = ms(at, v); break
      case 'observeMs': out.observeMs = ms(at, v); break
      case 'allowUnjudged':
        if (typeof v !== 'boolean') throw new AuditUsageError(`${at}: expected true or false, got ${describe(v)}`)
        out.allowUnjudged = v
        break
      default:
        throw new AuditUsageError(`${where}: unknown option "${key}"`)
    }
  }
  return out
}

/** The files' parsed contents, as read by the CLI. */
export interface AuditFiles {
  config?: unknown
  steps?: unknown
  selectors?: unknown
}

/** Flags over config over defaults. */
export function resolveOptions(flags: CliFlags, files: AuditFiles = {}): AuditOptions {
  const config = files.config === undefined ? {} : parseConfig(files.config, flags.configFile ?? 'config')
  const steps = files.steps === undefined ? config.steps : parseSteps(files.steps, flags.stepsFile ?? 'steps')
  const selectors = files.selectors === undefined ? config.selectors : parseSelectors(files.selectors, flags.selectorsFile ?? 'selectors')
  const options: AuditOptions = {
    url: flags.url,
    platform: flags.platform ?? config.platform,
    selectors,
    categories: flags.categories ?? config.categories,
    scenarios: flags.scenarios ?? config.scenarios ?? DEFAULT_SCENARIOS,
    steps: steps ?? [],
    destinationHosts: config.destinationHosts ?? {},
    destinationCookies: config.destinationCookies ?? {},
    destinationCategories: config.destinationCategories ?? {},
    consentModel: flags.consentModel ?? config.consentModel,
    necessary: flags.necessary ?? config.necessary ?? [],
    gpcDeny: flags.gpcDeny ?? config.gpcDeny ?? [],
    allowHosts: flags.allowHosts ?? config.allowHosts,
    timeoutMs: flags.timeoutMs ?? config.timeoutMs ?? 15_000,
    quietMs: flags.quietMs ?? config.quietMs ?? 1_000,
    settleMs: flags.settleMs ?? config.settleMs ?? 10_000,
    observeMs: flags.observeMs ?? config.observeMs ?? DEFAULT_OBSERVE_MS,
    allowUnjudged: flags.allowUnjudged ?? config.allowUnjudged ?? false,
    json: flags.json,
    html: flags.html,
    chromePath: flags.chromePath,
    extension: flags.extension,
    headed: flags.headed,
  }
  if (options.quietMs > options.settleMs) throw new AuditUsageError(`--quiet (${options.quietMs} ms) cannot be longer than --settle (${options.settleMs} ms)`)
  return options
}
