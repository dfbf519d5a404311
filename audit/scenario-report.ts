/**
 * One scenario's section of the report: events with the consent they carried
 * and where they went, each destination's verdict and traffic, cookies,
 * steps and leaks. Pure, over a recording and its judgement.
 */
import { SEGMENT_IO } from '../shared/routing/destinations'
import { indexSession } from '../shared/session/session-index'
import type { AuditOptions, AuditStep } from './audit-options'
import { classifyLeaks } from './classify-leaks'
import { consentTruth, type ConsentTruth } from './consent-truth'
import { auditHostTable, destinationsOfUrl, withSettingsHosts } from './destination-hosts'
import type { ScenarioRecording } from './recording'
import type { AuditEvent, DestinationReport, ScenarioReport } from './report-types'
import { scenarioWarnings, unjudgedRequests } from './scenario-warnings'
import { isSegmentEventRequest, segmentPrefixes, sentEvents } from './segment-traffic'

/** Most events listed per scenario (the counts stay exact). */
export const MAX_REPORTED_EVENTS = 2000

type Options = Pick<AuditOptions, 'destinationHosts' | 'destinationCookies' | 'destinationCategories' | 'consentModel' | 'necessary' | 'gpcDeny'>

/** A step as one line of text. */
export function describeStep(step: AuditStep): string {
  const [key, value] = Object.entries(step)[0] as [string, string | number]
  return key === 'wait' ? `wait ${value} ms` : `${key} ${value}`
}

/** Events from the network, the plugin's reports and the inspector hook, merged by messageId. */
function collectEvents(recording: ScenarioRecording, segment: string[]): AuditEvent[] {
  const events: AuditEvent[] = []
  const byId = new Map<string, AuditEvent>()
  const add = (e: AuditEvent) => {
    const known = e.messageId ? byId.get(e.messageId) : undefined
    if (!known) {
      events.push(e)
      if (e.messageId) byId.set(e.messageId, e)
      return
    }
    // The network is the truth about what was sent; the diagnostics add where it went.
    if (e.sentToSegment) Object.assign(known, { sentToSegment: true, consent: e.consent })
    if (known.source === 'network' && e.source !== 'network') Object.assign(known, { source: e.source, delivered: e.delivered, blocked: e.blocked, ...(e.dropped ? { dropped: e.dropped } : {}) })
  }
  // The panel's rule (shared/session): an inspector event is left out when the plugin speaks for it, so a
  // second analytics instance without the plugin is still reported, and the plugin's own events only once.
  const index = indexSession(recording.messages)
  for (const m of recording.messages) {
    if (m.kind === 'event') {
      add({
        messageId: m.messageId, type: m.type, ...(m.name !== undefined ? { name: m.name } : {}), consent: m.consent, sentToSegment: false,
        delivered: m.outcomes.filter((o) => o.outcome === 'delivered').map((o) => o.destination),
        blocked: m.outcomes.filter((o) => o.outcome === 'blocked').map((o) => o.destination),
        ...(m.dropped ? { dropped: m.dropped } : {}), source: 'plugin',
      })
    }
    if (m.kind === 'inspector-event' && !index.coversEvent(m)) {
      const decisions = index.predicted(m)
      add({
        messageId: m.messageId, type: m.type, ...(m.name !== undefined ? { name: m.name } : {}), consent: m.consent, sentToSegment: false,
        delivered: decisions.filter((d) => d.allowed).map((d) => d.destination),
        blocked: decisions.filter((d) => !d.allowed).map((d) => d.destination), source: 'inspector',
      })
    }
  }
  for (const e of sentEvents(recording.requests, segment)) {
    add({ ...(e.messageId ? { messageId: e.messageId } : {}), type: e.type, ...(e.name !== undefined ? { name: e.name } : {}), consent: e.consent, sentToSegment: true, delivered: [], blocked: [], source: 'network' })
  }
  return events
}

/** Builds the report section of one recorded scenario. */
export function scenarioReport(recording: ScenarioRecording, options: Options): ScenarioReport {
  const truth = consentTruth(recording, options)
  const segment = segmentPrefixes(recording.requests, recording.messages, options.destinationHosts[SEGMENT_IO])
  const { leaks, cookies } = classifyLeaks(recording, truth, segment, options)
  const events = collectEvents(recording, segment)
  const hosts = withSettingsHosts(auditHostTable(options.destinationHosts, segment), recording.messages)
  const vendorOf = recording.requests.map((r) => destinationsOfUrl(r.url, hosts))
  const final = truth.points.at(-1)!

  const destinations: DestinationReport[] = final.decisions.map((d) => ({
    destination: d.destination,
    mode: d.mode,
    categories: d.categories,
    allowed: d.allowed,
    reason: d.reason,
    delivered: events.filter((e) => e.delivered.includes(d.destination)).length,
    blocked: events.filter((e) => e.blocked.includes(d.destination)).length,
    requests: d.destination === SEGMENT_IO ? recording.requests.filter((r) => isSegmentEventRequest(r, segment)).length : vendorOf.filter((list) => list.includes(d.destination)).length,
    leaks: leaks.filter((l) => l.destination.split(' / ').includes(d.destination)).length,
    cookies: cookies.filter((c) => c.destinations.includes(d.destination)).map((c) => c.name),
  }))

  const notes = [...truth.notes]
  for (const m of recording.messages) {
    if (m.kind === 'destination' && m.action === 'loaded-without-consent') notes.push(`The plugin reports destination code that ran without consent: ${(m.destinations ?? [m.destination]).join(', ')} (is guard.loadOptions() passed to AnalyticsBrowser.load?).`)
    if (m.kind === 'consent' && m.error) notes.push(`Consent platform problem reported by the plugin: ${m.error}`)
  }
  const unjudged = unjudgedRequests(recording.requests, vendorOf, final.decisions)
  if (events.length > MAX_REPORTED_EVENTS) notes.push(`${events.length} events: the report lists the first ${MAX_REPORTED_EVENTS}.`)
  const state = final.state

  return {
    scenario: recording.scenario.name,
    gpc: recording.scenario.gpc,
    mode: truth.mode,
    status: recording.errors.length ? 'incomplete' : 'audited',
    errors: [...recording.errors],
    notes: [...new Set(notes)],
    warnings: scenarioWarnings(recording.messages, recording.greetings, unjudged),
    ...(recording.drive ? { driver: { platform: recording.drive.platform, ok: recording.drive.ok, detail: recording.drive.detail } } : {}),
    consent: { status: state.status, categories: { ...state.categories }, ...(state.model ? { model: state.model } : {}), ...(state.gpc !== undefined ? { gpc: state.gpc } : {}), source: state.source },
    steps: recording.steps.map((s) => ({ step: describeStep(s.step), ok: s.ok, detail: s.detail })),
    events: events.slice(0, MAX_REPORTED_EVENTS),
    destinations,
    cookies,
    requests: {
      total: recording.requests.length,
      segment: recording.requests.filter((r) => isSegmentEventRequest(r, segment)).length,
      vendor: vendorOf.filter((list) => list.length > 0).length,
      aborted: recording.requests.filter((r) => r.aborted).map((r) => r.url),
    },
    leaks,
    unjudged,
    diagnostics: recording.messages.length,
  }
}
