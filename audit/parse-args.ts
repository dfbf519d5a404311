/**
 * The command line of `consent-guard`: the command, then the URL and flags.
 * Pure: files named by flags are read later (cli.ts), so this is unit-tested
 * on plain arrays.
 */
import { parseArgs as parseArgsOf_, type ParseArgsConfig } from 'node:util'
import type { ScenarioSpec } from './audit-options'
import { parseScenarioList } from './scenario-spec'
import { AuditUsageError } from './usage-error'

/** The flags as given; file flags hold paths. */
export interface CliFlags {
  url: string
  platform?: string
  selectorsFile?: string
  stepsFile?: string
  configFile?: string
  categories?: string[]
  scenarios?: ScenarioSpec[]
  consentModel?: 'opt-in' | 'opt-out'
  necessary?: string[]
  gpcDeny?: string[]
  allowHosts?: string[]
  timeoutMs?: number
  quietMs?: number
  settleMs?: number
  observeMs?: number
  /** Exit 0 although some vendor requests could not be judged (they are still listed). */
  allowUnjudged?: boolean
  json: boolean
  html?: string
  chromePath?: string
  /** A directory, or `false` for `--no-extension`. */
  extension?: string | false
  headed: boolean
}

export type ParsedCommand = { kind: 'help' } | { kind: 'version' } | { kind: 'audit'; flags: CliFlags }

export const USAGE = `Usage: consent-guard audit <url> [options]

Loads <url> in Chromium once per consent scenario (fresh profile each), drives
the consent platform, runs the steps, and reports every request, cookie and
event that went somewhere the visitor did not consent to. Exit code: 0 clean,
1 leak found, 2 usage error or a page / scenario that could not be audited,
3 no leak found but some vendor requests could not be judged.

Options:
  --scenarios <list>     reject-all,accept-all,each,gpc (default) or only:<id>[+<id>]
  --platform <name>      consent platform driver (default: detected from the page)
  --selectors <file>     banner selectors JSON (acceptAll, rejectAll, openSettings, save, category)
  --categories <ids>     category ids, comma-separated (for "each" and banner toggles)
  --steps <file>         JSON list of {click}|{goto}|{waitFor}|{track}|{wait} steps
  --config <file>        JSON with any option below plus destinationHosts,
                         destinationCookies, destinationCategories, steps, selectors
  --json                 print the report as JSON (instead of the summary)
  --html <file>          write a self-contained HTML report
  --allow-hosts <hosts>  abort requests to any other host (they are still judged)
  --consent-model <m>    opt-in (default) | opt-out, for pages without the plugin
  --necessary <ids>      categories kept on after reject-all, pages without the plugin
  --gpc-deny <ids>       categories GPC denies, pages without the plugin
  --timeout <ms>         page load, driver and each step (default 15000)
  --quiet <ms>           network quiet time that ends a scenario (default 1000)
  --settle <ms>          longest wait for that quiet (default 10000)
  --observe <ms>         after the last step, watch at least this long (default 3000)
  --allow-unjudged       exit 0 although requests to vendors with no categories
                         could not be judged (they are still listed)
  --chrome <path>        browser executable (default: $CHROME_PATH, then usual paths)
  --extension <dir>      built debugger extension (default: extension/dist)
  --no-extension         do not load the debugger extension
  --headed               show the browser
  -h, --help             this text
`

/** The flags, as Node's `util.parseArgs` reads them (`--no-extension` is a flag of its own: Node 20 has no negation). */
const OPTIONS = {
  platform: { type: 'string' }, selectors: { type: 'string' }, steps: { type: 'string' }, config: { type: 'string' },
  categories: { type: 'string' }, scenarios: { type: 'string' }, 'consent-model': { type: 'string' }, necessary: { type: 'string' },
  'gpc-deny': { type: 'string' }, 'allow-hosts': { type: 'string' }, timeout: { type: 'string' }, quiet: { type: 'string' },
  settle: { type: 'string' }, observe: { type: 'string' }, html: { type: 'string' }, chrome: { type: 'string' }, extension: { type: 'string' },
  json: { type: 'boolean' }, 'no-extension': { type: 'boolean' }, headed: { type: 'boolean' }, 'allow-unjudged': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options']

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean)

function milliseconds(flag: string, value: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new AuditUsageError(`--${flag}: expected a whole number of milliseconds, got "${value}"`)
  return n
}

/** `util.parseArgs`' errors, in the words of this CLI. */
function usageError(error: unknown): AuditUsageError {
  const { code, message } = error as { code?: string; message?: string }
  const flag = /'(--?[\w-]+)/.exec(message ?? '')?.[1] ?? '?'
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new AuditUsageError(`unknown option ${flag} (see consent-guard --help)`)
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new AuditUsageError(/does not take an argument/.test(message ?? '') ? `${flag} takes no value` : `${flag} needs a value`)
  }
  return new AuditUsageError(message ?? String(error))
}

/** Checks the page URL: absolute http(s) or file. */
export function checkUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new AuditUsageError(`"${value}" is not an absolute URL (write it with http:// or https://)`)
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) throw new AuditUsageError(`cannot audit a ${url.protocol} URL; use http(s)`)
  return url.href
}

const parseArgsOf = (args: string[]) => parseArgsOf_({ args, options: OPTIONS, allowPositionals: true, strict: true, tokens: true })

/** Parses `argv` (without node and the script); throws `AuditUsageError` with a message for the user. */
export function parseArgs(argv: readonly string[]): ParsedCommand {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { kind: 'help' }
  if (command === '--version' || command === '-v') return { kind: 'version' }
  if (command !== 'audit') throw new AuditUsageError(`unknown command "${command}" (the only command is: audit <url>)`)

  let parsed: ReturnType<typeof parseArgsOf>
  try {
    parsed = parseArgsOf(rest)
  } catch (error) {
    throw usageError(error)
  }
  const { values: given, positionals: positional, tokens } = parsed
  // util.parseArgs keeps the last of a repeated flag; a repeated flag here is a mistake worth saying.
  const seen = new Set<string>()
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    if (seen.has(token.name) && OPTIONS[token.name as keyof typeof OPTIONS].type === 'string') throw new AuditUsageError(`--${token.name} is given twice`)
    seen.add(token.name)
  }
  const values = new Map(Object.entries(given).filter((e): e is [string, string] => typeof e[1] === 'string'))
  const switches = new Set(Object.entries(given).filter(([, v]) => v === true).map(([k]) => k))
  if (switches.has('help')) return { kind: 'help' }
  if (switches.has('version')) return { kind: 'version' }
  if (positional.length === 0) throw new AuditUsageError('audit needs the URL of the page: consent-guard audit <url>')
  if (positional.length > 1) throw new AuditUsageError(`audit takes one URL, got ${positional.length}: ${positional.join(' ')}`)
  if (switches.has('no-extension') && values.has('extension')) throw new AuditUsageError('--extension and --no-extension contradict each other')

  const model = values.get('consent-model')
  if (model !== undefined && model !== 'opt-in' && model !== 'opt-out') throw new AuditUsageError(`--consent-model: expected opt-in or opt-out, got "${model}"`)
  const get = (name: string) => values.get(name)
  const ms = (name: string) => (values.has(name) ? milliseconds(name, values.get(name)!) : undefined)
  const listOf = (name: string) => (values.has(name) ? list(values.get(name)!) : undefined)

  const flags: CliFlags = {
    url: checkUrl(positional[0]),
    platform: get('platform'),
    selectorsFile: get('selectors'),
    stepsFile: get('steps'),
    configFile: get('config'),
    categories: listOf('categories'),
    scenarios: values.has('scenarios') ? parseScenarioList(values.get('scenarios')!) : undefined,
    consentModel: model as CliFlags['consentModel'],
    necessary: listOf('necessary'),
    gpcDeny: listOf('gpc-deny'),
    allowHosts: listOf('allow-hosts'),
    timeoutMs: ms('timeout'),
    quietMs: ms('quiet'),
    settleMs: ms('settle'),
    observeMs: ms('observe'),
    json: switches.has('json'),
    html: get('html'),
    chromePath: get('chrome'),
    extension: switches.has('no-extension') ? false : get('extension'),
    headed: switches.has('headed'),
    allowUnjudged: switches.has('allow-unjudged') || undefined,
  }
  // Absent flags are left out, so merging with the config file is a plain spread.
  for (const key of Object.keys(flags) as Array<keyof CliFlags>) if (flags[key] === undefined) delete flags[key]
  return { kind: 'audit', flags }
}
