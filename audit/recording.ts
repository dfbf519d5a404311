/**
 * What one scenario run leaves behind: plain data from the browser, judged
 * afterwards by pure functions (consent-truth.ts, classify-leaks.ts), so the
 * judging is unit-tested without a browser.
 */
import type { Diagnostic } from '../shared/protocol/protocol'
import type { VersionGreeting } from '../shared/protocol/protocol-version'
import type { AuditStep } from './audit-options'
import type { PlannedScenario } from './scenario-spec'

/** One request the page (or a worker of it) made. */
export interface RecordedRequest {
  url: string
  method: string
  /** When it started, ms since the epoch (the browser's timing when known, else when the audit saw it). */
  time: number
  resourceType: string
  /** The request body as text, capped. */
  postData?: string
  status?: number
  /** Why it failed (network error, or aborted by `--allow-hosts`). */
  failure?: string
  /** Aborted by `--allow-hosts`: it was attempted, never sent. */
  aborted?: boolean
}

export interface RecordedCookie {
  name: string
  domain: string
  path: string
}

/** The cookie jar at one moment of the scenario. */
export interface CookieSnapshot {
  /** `before-consent`: after the page loaded, right before the driver acted; `end`: after the steps settled. */
  checkpoint: 'before-consent' | 'end'
  time: number
  cookies: RecordedCookie[]
}

export interface StepResult {
  step: AuditStep
  ok: boolean
  detail: string
  time: number
}

/** What the driver did. */
export interface DriveRecord {
  platform: string
  startedAt: number
  finishedAt: number
  ok: boolean
  detail: string
}

export interface ScenarioRecording {
  scenario: PlannedScenario
  url: string
  /** Before the first navigation. */
  startedAt: number
  finishedAt: number
  /** Whether the debugger extension was loaded. */
  extension: boolean
  drive?: DriveRecord
  /** Categories the platform listed (driver `listCategories`). */
  platformCategories: string[]
  /** Every diagnostic the page posted, validated (plugin and inspector hook), in arrival order. */
  messages: Diagnostic[]
  /** Probes and hellos of a plugin speaking another protocol version (the rest of its messages is not read). */
  greetings: VersionGreeting[]
  requests: RecordedRequest[]
  cookies: CookieSnapshot[]
  steps: StepResult[]
  /** What kept the scenario from being audited as asked (page did not load, driver failed, a step failed). */
  errors: string[]
}
