/**
 * The human summary printed at the end of a run: the verdict, then per
 * scenario its consent, events, destinations and every leak with its
 * scenario, destination and URL (or cookie).
 */
import type { AuditReport, Leak, ScenarioReport } from './report-types'
import { verdictLine } from './verdict-line'

const MODE_LABEL: Record<ScenarioReport['mode'], string> = {
  plugin: 'Consent Guard diagnostics',
  inspector: 'no plugin: inspector hook + network',
  'network-only': 'no plugin, no inspector data: network only',
}

/** Control characters from page data would move the terminal's cursor or recolour it: show them escaped. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function consentLine(s: ScenarioReport): string {
  const entries = Object.entries(s.consent.categories)
  const chips = entries.length ? entries.map(([c, v]) => `${v ? '+' : '-'}${c}`).join(' ') : '(no categories)'
  return `consent ${s.consent.status}${s.consent.model ? ` (${s.consent.model})` : ''}${s.gpc ? ', GPC on' : ''}: ${chips}`
}

/** A leak as two lines: what and where, then why. */
export function leakLines(l: Leak): string[] {
  const where = l.kind === 'cookie' ? `cookie ${l.cookie}` : l.url ?? ''
  return [`LEAK [${l.scenario}] ${l.kind} ${l.destination}: ${where}`, `      ${l.reason}`]
}

function scenarioLines(s: ScenarioReport): string[] {
  const lines = ['', `== ${s.scenario}  (${MODE_LABEL[s.mode]})${s.status === 'incomplete' ? '  INCOMPLETE' : ''}`]
  if (s.driver) lines.push(`  driver ${s.driver.platform}: ${s.driver.ok ? 'ok' : 'FAILED'} - ${s.driver.detail}`)
  lines.push(`  ${consentLine(s)}`)
  const sent = s.events.filter((e) => e.sentToSegment).length
  lines.push(`  events: ${s.events.length} (${sent} sent to Segment); requests: ${s.requests.total} (${s.requests.segment} Segment, ${s.requests.vendor} vendor)`)
  for (const e of s.events.slice(0, 20)) {
    const consent = e.consent ? Object.entries(e.consent).map(([c, v]) => `${v ? '+' : '-'}${c}`).join(' ') || '{}' : 'NO CONSENT OBJECT'
    lines.push(`    ${e.type} ${e.name ?? ''}  [${consent}]  -> ${e.delivered.length} delivered, ${e.blocked.length} blocked${e.dropped ? ` (dropped: ${e.dropped})` : ''}`)
  }
  if (s.events.length > 20) lines.push(`    ... ${s.events.length - 20} more (see --json or --html)`)
  for (const d of s.destinations) {
    lines.push(`  ${d.allowed ? 'allowed' : 'blocked'}  ${d.destination} [${d.mode === 'segment' ? "Segment's rule" : d.categories.join(', ') || 'unmapped'}] (${d.reason}): ${d.delivered} delivered, ${d.blocked} blocked, ${d.requests} request(s)${d.leaks ? `, ${d.leaks} LEAK(S)` : ''}`)
  }
  for (const error of s.errors) lines.push(`  error: ${error}`)
  for (const warning of s.warnings) lines.push(`  WARNING: ${warning}`)
  for (const note of s.notes) lines.push(`  note: ${note}`)
  for (const l of s.leaks) lines.push(...leakLines(l).map((line) => `  ${line}`))
  return lines
}

/** The summary as text (every piece of page data made printable). */
export function textReport(report: AuditReport): string {
  const head = [`Consent audit of ${report.url}`, `${report.summary.scenarios} scenario(s), ${report.summary.leaks} leak(s), ${report.summary.incomplete} incomplete, ${report.summary.unjudged} request(s) not judged${report.extension ? '' : ' (debugger extension not loaded)'}`]
  for (const note of report.notes) head.push(`note: ${note}`)
  const body = report.scenarios.flatMap(scenarioLines)
  const verdict = verdictLine(report)
  // Line by line: a newline inside page data is escaped like any other control character.
  return [...head, ...body, '', verdict].map(printable).join('\n') + '\n'
}
