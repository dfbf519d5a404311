/**
 * What one `consent-guard audit` run is asked to do, after the command line
 * and the config file are merged and checked (parse-args.ts, audit-config.ts).
 */
import type { DriverSelectors } from './drivers/driver-types'

/** One action of the page script (`--steps steps.json`). */
export type AuditStep =
  | { click: string }
  | { goto: string }
  | { waitFor: string }
  | { track: string }
  | { wait: number }

/** Longest `{ "wait": ms }` step: a step script is not a place to sleep for minutes. */
export const MAX_WAIT_STEP_MS = 30_000

/**
 * A scenario as asked for on the command line, before "each category alone"
 * is expanded (its categories are only known once the page ran).
 */
export type ScenarioSpec =
  | { kind: 'reject-all' }
  | { kind: 'accept-all' }
  | { kind: 'only'; categories: string[] }
  /** One `only` scenario per category the platform (or the plugin) reports. */
  | { kind: 'each' }
  /** accept-all with Global Privacy Control on (`Sec-GPC: 1`, `navigator.globalPrivacyControl`). */
  | { kind: 'gpc' }

export interface AuditOptions {
  url: string
  /** Consent platform driver (`onetrust`, `cookiebot`, ..., `banner`); auto-detected from page globals when absent. */
  platform?: string
  /** Banner selectors for the banner driver (or to click a platform's real UI). */
  selectors?: DriverSelectors
  /** Category ids for "each category alone" (and for the banner driver), when the platform cannot list them. */
  categories?: string[]
  scenarios: ScenarioSpec[]
  steps: AuditStep[]
  /** destination -> URL prefixes its vendor code calls (adds to the built-in table). */
  destinationHosts: Record<string, string[]>
  /** destination -> cookie name prefixes its vendor code sets (adds to the built-in table). */
  destinationCookies: Record<string, string[]>
  /** destination -> categories, for destinations the page's settings do not list (a hard-coded pixel). */
  destinationCategories: Record<string, string[]>
  /**
   * Pages without the plugin: the consent model (opt-in: nothing before a
   * decision). With the plugin, what it reports wins. @default 'opt-in'
   */
  consentModel?: 'opt-in' | 'opt-out'
  /** Pages without the plugin: categories the platform keeps on after "reject all" (e.g. `C0001`). */
  necessary: string[]
  /** Pages without the plugin: categories GPC denies in the `gpc` scenario. */
  gpcDeny: string[]
  /** When set, requests to other hosts are aborted (and still judged). */
  allowHosts?: string[]
  /** Page load, platform detection, driver and each step, ms. @default 15000 */
  timeoutMs: number
  /** After the steps, wait until the network is quiet this long, ms. @default 1000 */
  quietMs: number
  /** ... but never longer than this, ms. @default 10000 */
  settleMs: number
  /**
   * After the last step, watch at least this long, ms, quiet or not: a tag a
   * page fires a few seconds after load is seen (and judged). @default 3000
   */
  observeMs: number
  /**
   * Exit 0 (instead of 3) when nothing leaked but requests to vendors whose
   * destination has no categories could not be judged; they are listed and
   * warned about either way. @default false
   */
  allowUnjudged: boolean
  /** Output. */
  json: boolean
  html?: string
  /** Chromium / Chrome executable. @default CHROME_PATH, else the usual install paths */
  chromePath?: string
  /** The built debugger extension. @default extension/dist of this package; `false`: do not load it */
  extension?: string | false
  headed: boolean
}

/** The shortest watch after the last step by default (`observeMs`). */
export const DEFAULT_OBSERVE_MS = 3_000

export const DEFAULT_SCENARIOS: ScenarioSpec[] = [{ kind: 'reject-all' }, { kind: 'accept-all' }, { kind: 'each' }, { kind: 'gpc' }]
