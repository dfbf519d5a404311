/**
 * The leak classifier: judges one recorded scenario against its consent truth.
 * - requests: the shared network check (`checkNetwork`), fed the audit's own
 *   decisions (the truth points, as `event` messages) instead of the plugin's,
 *   so a request to a destination's vendor hosts counts as a leak whenever
 *   the visitor had not granted its categories - whatever the plugin said;
 *   it also flags Segment payloads without a consent object;
 * - cookies: each cookie, when first seen, attributed by name to destinations
 *   (shared vendor-cookies table + `destinationCookies`): a leak when every
 *   destination it may belong to was blocked then;
 * - events sent to Segment before a decision (opt-in).
 */
import type { HarEntryLike } from '../shared/network/har-entry'
import { checkNetwork } from '../shared/network/network-check'
import { attributeCookie } from '../shared/network/vendor-cookies'
import { createMessage, type Diagnostic, type DiagnosticOf } from '../shared/protocol/protocol'
import { SEGMENT_IO } from '../shared/routing/destinations'
import type { AuditOptions } from './audit-options'
import { decisionAt, type ConsentTruth } from './consent-truth'
import { auditHostTable } from './destination-hosts'
import type { RecordedRequest, ScenarioRecording } from './recording'
import type { CookieReport, Leak } from './report-types'
import { eventsInBody, isSegmentEventRequest } from './segment-traffic'

type Options = Pick<AuditOptions, 'destinationHosts' | 'destinationCookies'>

export interface Classification {
  leaks: Leak[]
  cookies: CookieReport[]
}

/** A recorded request in the HAR shape the network check reads. */
export function toHarEntry(r: RecordedRequest): HarEntryLike {
  return {
    startedDateTime: new Date(r.time).toISOString(),
    request: { method: r.method, url: r.url, ...(r.postData !== undefined ? { postData: { text: r.postData } } : {}) },
    ...(r.status !== undefined ? { response: { status: r.status } } : {}),
  }
}

/** The truth as `event` messages: what `checkNetwork` reads decisions from. */
export function truthMessages(truth: ConsentTruth): Diagnostic[] {
  return truth.points.map((p, i) =>
    createMessage('consent-guard-audit', i, 'event', { messageId: `audit-truth-${i}`, type: 'audit', consent: {}, status: p.state.status, decisions: p.decisions, outcomes: [] }, p.time),
  )
}

function requestLeaks(recording: ScenarioRecording, truth: ConsentTruth, segment: string[], options: Options, scenario: string): Leak[] {
  const hostMessages = recording.messages.filter((m) => m.kind === 'settings' || m.kind === 'inspector-settings')
  const report = checkNetwork(recording.requests.map(toHarEntry), [...hostMessages, ...truthMessages(truth)], auditHostTable(options.destinationHosts, segment))
  return report.findings.map((f) =>
    f.kind === 'leak'
      ? { kind: 'request', scenario, destination: f.destination ?? '', url: f.url, time: f.time, reason: f.reason }
      : { kind: 'missing-consent', scenario, destination: SEGMENT_IO, url: f.url, time: f.time, reason: f.reason },
  )
}

/** Whether the plugin's latest consent message at `time` (any page load) was pending under opt-in. */
function pendingAt(truth: ConsentTruth, consents: DiagnosticOf<'consent'>[], time: number): boolean {
  const initialModel = truth.points[0].state.model ?? 'opt-in'
  if (truth.mode !== 'plugin') return (truth.routingOptions.consentModel ?? initialModel) === 'opt-in' && (truth.decidedAt === undefined || time < truth.decidedAt)
  const latest = consents.filter((c) => c.time <= time).at(-1)
  const model = truth.routingOptions.consentModel ?? latest?.state.model ?? initialModel
  return model === 'opt-in' && (latest === undefined || latest.state.status === 'pending')
}

function beforeDecisionLeaks(recording: ScenarioRecording, truth: ConsentTruth, segment: string[], scenario: string): Leak[] {
  const consents = recording.messages.filter((m): m is DiagnosticOf<'consent'> => m.kind === 'consent').sort((a, b) => a.time - b.time)
  const leaks: Leak[] = []
  for (const r of recording.requests) {
    if (!isSegmentEventRequest(r, segment) || !pendingAt(truth, consents, r.time)) continue
    const events = eventsInBody(r.postData) ?? []
    const names = events.map((e) => (typeof e.event === 'string' ? e.event : typeof e.type === 'string' ? e.type : '?'))
    const what = truth.mode === 'plugin' ? 'while the plugin reported consent as pending' : 'before the driver applied the scenario'
    leaks.push({ kind: 'before-decision', scenario, destination: SEGMENT_IO, url: r.url, time: r.time, reason: `${events.length} event(s) [${names.join(', ')}] sent to Segment ${what} (opt-in: nothing may leave before a decision).` })
  }
  return leaks
}

function cookieVerdicts(recording: ScenarioRecording, truth: ConsentTruth, options: Options, scenario: string): Classification {
  const leaks: Leak[] = []
  const cookies: CookieReport[] = []
  const seen = new Set<string>()
  for (const snapshot of recording.cookies) {
    for (const cookie of snapshot.cookies) {
      const key = `${cookie.name}\u0000${cookie.domain}\u0000${cookie.path}`
      if (seen.has(key)) continue
      seen.add(key)
      const destinations = attributeCookie(cookie.name, options.destinationCookies)
      const base = { name: cookie.name, domain: cookie.domain, checkpoint: snapshot.checkpoint, destinations }
      const judged = destinations.filter((d) => d !== SEGMENT_IO).map((d) => ({ d, decision: decisionAt(truth, d, snapshot.time) })).filter((j) => j.decision !== undefined)
      if (destinations.length === 0) cookies.push({ ...base, verdict: 'unattributed' })
      else if (destinations.every((d) => d === SEGMENT_IO)) cookies.push({ ...base, verdict: 'segment' })
      else if (judged.length === 0) cookies.push({ ...base, verdict: 'not-judged' })
      else if (judged.some((j) => j.decision!.allowed)) cookies.push({ ...base, verdict: 'allowed' })
      else {
        cookies.push({ ...base, verdict: 'leak' })
        const when = snapshot.checkpoint === 'before-consent' ? 'before the driver acted' : 'at the end of the scenario'
        const why = judged.map((j) => `${j.d} (${j.decision!.reason}${j.decision!.missing.length ? `: ${j.decision!.missing.join(', ')}` : ''})`).join(', ')
        leaks.push({ kind: 'cookie', scenario, destination: judged.map((j) => j.d).join(' / '), cookie: cookie.name, time: snapshot.time, reason: `Cookie ${cookie.name} (${cookie.domain}) was set ${when} while ${why} was blocked.` })
      }
    }
  }
  return { leaks, cookies }
}

/** Every leak of one scenario, in time order, and the verdict on each cookie. */
export function classifyLeaks(recording: ScenarioRecording, truth: ConsentTruth, segment: string[], options: Options): Classification {
  const scenario = recording.scenario.name
  const cookies = cookieVerdicts(recording, truth, options, scenario)
  const leaks = [...requestLeaks(recording, truth, segment, options, scenario), ...beforeDecisionLeaks(recording, truth, segment, scenario), ...cookies.leaks]
  return { leaks: leaks.sort((a, b) => a.time - b.time), cookies: cookies.cookies }
}
