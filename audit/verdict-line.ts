/**
 * The closing line of a report, for the text summary and the HTML header
 * alike. It never claims more than was proven: a pass says what was judged,
 * and a run that could not judge some vendor requests says so instead of
 * passing.
 */
import type { AuditReport, UnjudgedRequests } from './report-types'

const sum = (report: AuditReport, count: (s: AuditReport['scenarios'][number]) => number) => report.scenarios.reduce((n, s) => n + count(s), 0)

/** What the scenarios judged: vendor requests (unjudged ones excluded), Segment requests and attributed cookies. */
function judged(report: AuditReport): string {
  const vendor = sum(report, (s) => s.requests.vendor) - report.summary.unjudged
  const segment = sum(report, (s) => s.requests.segment)
  const cookies = sum(report, (s) => s.cookies.filter((c) => c.verdict === 'leak' || c.verdict === 'allowed').length)
  return `judged: ${vendor} vendor request(s), ${segment} Segment request(s), ${cookies} attributed cookie(s) in ${report.summary.scenarios} scenario(s)`
}

const WHY: Record<UnjudgedRequests['reason'], string> = {
  'no-categories': 'has no categories on this page',
  'not-in-settings': "is not in this page's settings",
}

/** Each unjudged destination with the reasons met across the scenarios, in order of first appearance. */
function unjudgedReasons(report: AuditReport): Map<string, Set<UnjudgedRequests['reason']>> {
  const out = new Map<string, Set<UnjudgedRequests['reason']>>()
  for (const u of report.scenarios.flatMap((s) => s.unjudged)) (out.get(u.destination) ?? out.set(u.destination, new Set()).get(u.destination)!).add(u.reason)
  return out
}

/** Why: one phrase when every destination has the same reason, else destination by destination. */
function unjudgedWhy(reasons: Map<string, Set<UnjudgedRequests['reason']>>): string {
  const all = new Set([...reasons.values()].flatMap((r) => [...r]))
  const one = reasons.size === 1
  if (all.size === 1) {
    return all.has('not-in-settings')
      ? `this page's settings do not list ${one ? 'it' : 'them'}`
      : `${one ? 'its destination has' : 'their destinations have'} no categories on this page`
  }
  return [...reasons].map(([destination, r]) => `${destination} ${[...r].map((reason) => WHY[reason]).join(' or ')}`).join('; ')
}

export function verdictLine(report: AuditReport): string {
  const { verdict, leaks, unjudged } = report.summary
  switch (verdict) {
    case 'leaks':
      return `FAIL: ${leaks} leak(s).`
    case 'incomplete':
      return 'INCOMPLETE: some scenarios could not be audited (see errors above).'
    case 'not-judged': {
      const reasons = unjudgedReasons(report)
      const exit = report.exitCode === 0 ? ' (accepted with --allow-unjudged)' : ''
      return `NOT JUDGED: no leak among what was judged (${judged(report)}), but ${unjudged} request(s) to ${[...reasons.keys()].join(', ')} could not be judged: ${unjudgedWhy(reasons)}${exit}.`
    }
    case 'pass':
      return `PASS: no leak found (${judged(report)}).`
  }
}
