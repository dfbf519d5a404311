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

export interface ScenarioReport {
  scenario: string
  gpc: boolean
  /** `plugin`: diagnostics from Consent Guard; `inspector`: events from the debugger's inspector hook only; `network-only`. */
  mode: AuditMode
  /** `incomplete`: the page, the driver or a step failed; the scenario proves less than asked. */
  status: 'audited' | 'incomplete'
  errors: string[]
  notes: string[]
  driver?: { platform: string; ok: boolean; detail: string }
  /** The consent in force at the end (as the platform reported it, or as the scenario set it). */
  consent: { status: 'pending' | 'decided'; categories: Record<string, boolean>; model?: ConsentModel; gpc?: boolean; source: string }
  steps: Array<{ step: string; ok: boolean; detail: string }>
  events: AuditEvent[]
  destinations: DestinationReport[]
  cookies: CookieReport[]
  requests: { total: number; segment: number; vendor: number; aborted: string[] }
  leaks: Leak[]
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
  summary: { scenarios: number; leaks: number; incomplete: number; verdict: 'pass' | 'leaks' | 'incomplete' }
  notes: string[]
  scenarios: ScenarioReport[]
  /** 0 clean, 1 leak, 2 incomplete (usage errors exit 2 without a report). */
  exitCode: 0 | 1 | 2
}
