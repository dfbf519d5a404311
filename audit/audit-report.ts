/**
 * The whole report from the scenario sections, and the exit code: 1 when
 * anything leaked, else 2 when a scenario could not be audited as asked,
 * else 3 when vendor requests could not be judged (0 with
 * `--allow-unjudged`: they are still listed and warned about), else 0.
 */
import { PLUGIN_VERSION } from '../plugin/version'
import { unjudgedCount } from './scenario-warnings'
import { AUDIT_REPORT_FORMAT, AUDIT_REPORT_VERSION, type AuditReport, type ScenarioReport } from './report-types'

export interface AuditRunInfo {
  url: string
  startedAt: number
  finishedAt: number
  extension: boolean
  platform?: string
  notes: string[]
  /** `--allow-unjudged`: exit 0 for a not-judged verdict. */
  allowUnjudged?: boolean
}

export function auditReport(info: AuditRunInfo, scenarios: ScenarioReport[]): AuditReport {
  const leaks = scenarios.reduce((n, s) => n + s.leaks.length, 0)
  const incomplete = scenarios.filter((s) => s.status === 'incomplete').length
  const unjudged = scenarios.reduce((n, s) => n + unjudgedCount(s), 0)
  const verdict = leaks > 0 ? 'leaks' : incomplete > 0 || scenarios.length === 0 ? 'incomplete' : unjudged > 0 ? 'not-judged' : 'pass'
  return {
    format: AUDIT_REPORT_FORMAT,
    version: AUDIT_REPORT_VERSION,
    tool: { name: 'consent-guard', version: PLUGIN_VERSION },
    url: info.url,
    startedAt: new Date(info.startedAt).toISOString(),
    finishedAt: new Date(info.finishedAt).toISOString(),
    extension: info.extension,
    ...(info.platform ? { platform: info.platform } : {}),
    summary: { scenarios: scenarios.length, leaks, incomplete, unjudged, verdict },
    notes: [...info.notes],
    scenarios,
    exitCode: verdict === 'leaks' ? 1 : verdict === 'incomplete' ? 2 : verdict === 'not-judged' && !info.allowUnjudged ? 3 : 0,
  }
}
