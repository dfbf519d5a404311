/**
 * The closing line of a report, for the text summary and the HTML header
 * alike. It never claims more than was proven: a pass says what was judged,
 * and a run that could not judge some vendor requests says so instead of
 * passing.
 */
import type { AuditReport } from './report-types'

const sum = (report: AuditReport, count: (s: AuditReport['scenarios'][number]) => number) => report.scenarios.reduce((n, s) => n + count(s), 0)

/** What the scenarios judged: vendor requests (unjudged ones excluded), Segment requests and attributed cookies. */
function judged(report: AuditReport): string {
  const vendor = sum(report, (s) => s.requests.vendor) - report.summary.unjudged
  const segment = sum(report, (s) => s.requests.segment)
  const cookies = sum(report, (s) => s.cookies.filter((c) => c.verdict === 'leak' || c.verdict === 'allowed').length)
  return `judged: ${vendor} vendor request(s), ${segment} Segment request(s), ${cookies} attributed cookie(s) in ${report.summary.scenarios} scenario(s)`
}

export function verdictLine(report: AuditReport): string {
  const { verdict, leaks, unjudged } = report.summary
  switch (verdict) {
    case 'leaks':
      return `FAIL: ${leaks} leak(s).`
    case 'incomplete':
      return 'INCOMPLETE: some scenarios could not be audited (see errors above).'
    case 'not-judged': {
      const names = [...new Set(report.scenarios.flatMap((s) => s.unjudged.map((u) => u.destination)))].join(', ')
      const exit = report.exitCode === 0 ? ' (accepted with --allow-unjudged)' : ''
      return `NOT JUDGED: no leak among what was judged (${judged(report)}), but ${unjudged} request(s) to ${names} could not be judged: their destinations have no categories${exit}.`
    }
    case 'pass':
      return `PASS: no leak found (${judged(report)}).`
  }
}
