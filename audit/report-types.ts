/**
 * The audit report: what `--json` prints and the HTML report renders. The
 * shape is a public contract (documented in docs/audit.md): add fields, never
 * rename or remove one without bumping `version`.
 */
import type { ConsentModel, DestinationMode, RoutingReason } from '../shared/routing/types'
import type { AuditMode } from './consent-truth'

export const AUDIT_REPORT_FORMAT = 'consent-guard-audit'
/** 1: first version. */
export const AUDIT_REPORT_VERSION = 1

/**
 * - `request`: a request to a destination's vendor hosts while its categories were not granted;
 * - `cookie`: a cookie set by a destination whose categories were not granted;
 * - `missing-consent`: a Segment API payload whose events carry no `context.consent.categoryPreferences`;
 * - `before-decision`: events sent to Segment before the visitor decided (opt-in).
 */
export type LeakKind = 'request' | 'cookie' | 'missing-consent' | 'before-decision'

export interface Leak {
  kind: LeakKind
  scenario: string
  /** The destination (`Segment.io` for Segment API leaks). */
  destination: string
  url?: string
  cookie?: string
  /** ms since the epoch. */
  time: number
  reason: string
}

export interface AuditEvent {
  messageId?: string
  type: string
  name?: string
  /** The consent stamped on the event: as sent to Segment when it was, else as the plugin reported it; null: none. */
  consent: Record<string, boolean> | null
  sentToSegment: boolean
  /** Destinations that received it (plugin outcomes; predicted on pages without the plugin). */
  delivered: string[]
  blocked: string[]
  dropped?: string
  source: 'plugin' | 'inspector' | 'network'
}

export interface DestinationReport {
  destination: string
  mode: DestinationMode
  categories: string[]
  /** Whether the visitor's consent allowed it at the end of the scenario, and why. */
  allowed: boolean
  reason: RoutingReason
  /** Events delivered / blocked, per the plugin's outcomes (or predicted). */
  delivered: number
  blocked: number
  /** Requests to its vendor hosts seen on the network. */
  requests: number
  leaks: number
  cookies: string[]
}

export interface CookieReport {
  name: string
  domain: string
  /** When it was first seen. */
  checkpoint: 'before-consent' | 'end'
  destinations: string[]
  /** `segment`: Segment's own cookie (not judged); `not-judged`: no destination the page knows. */
  verdict: 'leak' | 'allowed' | 'segment' | 'not-judged' | 'unattributed'
}

/** Requests to one vendor's hosts that could not be judged (see docs/audit.md, "Not judged"). */
export interface UnjudgedRequests {
  destination: string
  requests: number
  /** The first few URLs. */
  urls: string[]
  /** `no-categories`: the page lists the destination without categories; `not-in-settings`: it does not list it. */
  reason: 'no-categories' | 'not-in-settings'
}

export interface ScenarioReport {
  scenario: string
  gpc: boolean
  /** `plugin`: diagnostics from Consent Guard; `inspector`: events from the debugger's inspector hook only; `network-only`. */
  mode: AuditMode
  /** `incomplete`: the page, the driver or a step failed; the scenario proves less than asked. */
  status: 'audited' | 'incomplete'
  errors: string[]
  notes: string[]
  /** What the scenario could not prove (unjudged requests, a guard never registered, a protocol mismatch). */
  warnings: string[]
  driver?: { platform: string; ok: boolean; detail: string }
  /** The consent in force at the end (as the platform reported it, or as the scenario set it). */
  consent: { status: 'pending' | 'decided'; categories: Record<string, boolean>; model?: ConsentModel; gpc?: boolean; source: string }
  steps: Array<{ step: string; ok: boolean; detail: string }>
  events: AuditEvent[]
  destinations: DestinationReport[]
  cookies: CookieReport[]
  requests: { total: number; segment: number; vendor: number; aborted: string[] }
  leaks: Leak[]
  /** Vendor requests that were not judged, per destination. */
  unjudged: UnjudgedRequests[]
  /** Diagnostics captured from the page. */
  diagnostics: number
}

export interface AuditReport {
  format: typeof AUDIT_REPORT_FORMAT
  version: typeof AUDIT_REPORT_VERSION
  tool: { name: 'consent-guard'; version: string }
  url: string
  startedAt: string
  finishedAt: string
  /** Whether the debugger extension was loaded. */
  extension: boolean
  platform?: string
  /**
   * `pass`: no leak, and every vendor request judged; `not-judged`: no leak,
   * but `unjudged` vendor requests could not be judged; `unjudged` counts them.
   */
  summary: { scenarios: number; leaks: number; incomplete: number; unjudged: number; verdict: 'pass' | 'leaks' | 'incomplete' | 'not-judged' }
  notes: string[]
  scenarios: ScenarioReport[]
  /** 0 clean, 1 leak, 2 incomplete (usage errors exit 2 without a report), 3 not judged (0 with `--allow-unjudged`). */
  exitCode: 0 | 1 | 2 | 3
}
