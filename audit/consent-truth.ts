/**
 * What the visitor consented to, moment by moment, in one scenario: the
 * yardstick every request and cookie is judged against. It is computed by
 * the audit with the shared `decideRouting` - never read from the plugin's
 * per-event decisions - from:
 * - pages with the plugin: the consent platform's state as the plugin's
 *   `consent` messages report it (pending until the first decision), with
 *   the site's routing options from `hello`;
 * - pages without it: the scenario itself (nothing before the driver acted,
 *   under the opt-in model; then what the driver was told to choose).
 * Destinations and categories come from the `settings` (or the inspector
 * hook's `inspector-settings`) messages plus `destinationCategories`.
 */
import type { Diagnostic, DiagnosticOf, Json, SettingsDestination } from '../shared/protocol/protocol'
import { decideRouting } from '../shared/routing/decide-routing'
import { settingsLike } from '../shared/routing/predict-routing'
import type { ConsentModel, ConsentState, RoutingDecision, RoutingOptions } from '../shared/routing/types'
import type { AuditOptions } from './audit-options'
import type { ScenarioRecording } from './recording'

/** Where the audit's knowledge of the page comes from. */
export type AuditMode = 'plugin' | 'inspector' | 'network-only'

export interface TruthPoint {
  time: number
  state: ConsentState
  decisions: RoutingDecision[]
}

/** The destinations as one settings body (merged over page loads). */
export interface KnownSettings {
  destinations: SettingsDestination[]
  allCategories: string[]
  hasConsentSettings: boolean
  hasUnmappedDestinations?: boolean
}

export interface ConsentTruth {
  mode: AuditMode
  settings: KnownSettings
  routingOptions: RoutingOptions
  /** In time order; the first is at the scenario's start. */
  points: TruthPoint[]
  /** When consent was first decided, if it ever was. */
  decidedAt?: number
  /** Categories the platform kept on although the scenario did not ask for them (e.g. necessary). */
  forced: string[]
  notes: string[]
}

type Options = Pick<AuditOptions, 'destinationCategories' | 'consentModel' | 'necessary' | 'gpcDeny'>

const PLUGIN_KINDS = new Set(['hello', 'settings', 'consent', 'event', 'hold', 'destination'])

export function auditMode(messages: Diagnostic[]): AuditMode {
  if (messages.some((m) => PLUGIN_KINDS.has(m.kind))) return 'plugin'
  return messages.some((m) => m.kind === 'inspector-settings' || m.kind === 'inspector-event') ? 'inspector' : 'network-only'
}

/** Every settings message of the mode merged (later page loads win per destination), plus the configured extra destinations. */
export function knownSettings(messages: Diagnostic[], mode: AuditMode, extra: Record<string, string[]>): KnownSettings {
  const kind = mode === 'plugin' ? 'settings' : 'inspector-settings'
  const byName = new Map<string, SettingsDestination>()
  const all = new Set<string>()
  const out: KnownSettings = { destinations: [], allCategories: [], hasConsentSettings: false }
  for (const m of messages) {
    if (m.kind !== kind) continue
    for (const d of m.destinations) byName.set(d.destination, d)
    for (const c of m.allCategories) all.add(c)
    out.hasConsentSettings ||= m.hasConsentSettings
    if (m.hasUnmappedDestinations !== undefined) out.hasUnmappedDestinations = m.hasUnmappedDestinations
  }
  for (const [destination, categories] of Object.entries(extra)) {
    if (!byName.has(destination)) byName.set(destination, { destination, mode: 'device', categories: [...categories], local: true })
  }
  out.destinations = [...byName.values()]
  out.allCategories = [...all]
  return out
}

const isRecord = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The routing options the site gave the plugin, from its `hello` options summary. */
export function pluginRoutingOptions(messages: Diagnostic[], notes: string[]): RoutingOptions {
  const hello = messages.filter((m): m is DiagnosticOf<'hello'> => m.kind === 'hello').at(-1)
  const o = hello?.options ?? {}
  const gpc = isRecord(o.gpc) && Array.isArray(o.gpc.deny) ? { deny: o.gpc.deny.filter((c): c is string => typeof c === 'string') } : false
  if (o.categoryRule === 'function') notes.push('The site decides multi-category destinations with its own categoryRule function; the audit judges them with "all" (every category must be granted).')
  return {
    ...(o.consentModel === 'opt-in' || o.consentModel === 'opt-out' ? { consentModel: o.consentModel } : {}),
    categoryRule: o.categoryRule === 'any' ? 'any' : 'all',
    unmappedDestinations: o.unmappedDestinations === 'block' ? 'block' : 'allow',
    gpc,
  }
}

/** The consent state the scenario asks for, on a page without the plugin. */
function scenarioState(recording: ScenarioRecording, settings: KnownSettings, options: Options, model: ConsentModel): ConsentState {
  const consent = recording.scenario.consent
  const known = new Set([...settings.allCategories, ...settings.destinations.flatMap((d) => d.categories), ...recording.platformCategories, ...options.necessary])
  if (consent.kind === 'only') for (const c of consent.categories) known.add(c)
  const granted = (c: string) =>
    consent.kind === 'accept-all' || options.necessary.includes(c) || (consent.kind === 'only' && consent.categories.includes(c))
  const categories = Object.fromEntries([...known].map((c) => [c, granted(c)]))
  return { status: 'decided', categories, explicit: true, model, gpc: recording.scenario.gpc, source: 'audit scenario' }
}

/** Notes when the platform's decision differs from what the driver asked for. */
function checkDecision(recording: ScenarioRecording, state: ConsentState, notes: string[]): string[] {
  const consent = recording.scenario.consent
  const on = Object.keys(state.categories).filter((c) => state.categories[c] === true)
  const off = Object.keys(state.categories).filter((c) => state.categories[c] === false)
  if (consent.kind === 'accept-all' && off.length) notes.push(`After "accept all" the platform still reports ${off.join(', ')} denied.`)
  if (consent.kind === 'only') {
    const notGranted = consent.categories.filter((c) => state.categories[c] !== true)
    if (notGranted.length) notes.push(`The platform did not grant ${notGranted.join(', ')} although the scenario asked for it.`)
  }
  const forced = consent.kind === 'reject-all' ? on : consent.kind === 'only' ? on.filter((c) => !consent.categories.includes(c)) : []
  if (forced.length) notes.push(`The platform keeps ${forced.join(', ')} granted in this scenario (always-active categories).`)
  return forced
}

/** Builds the consent truth of one recorded scenario. */
export function consentTruth(recording: ScenarioRecording, options: Options): ConsentTruth {
  const notes: string[] = []
  const messages = recording.messages
  const mode = auditMode(messages)
  const settings = knownSettings(messages, mode, options.destinationCategories)
  const like = settingsLike(settings)
  const routingOptions: RoutingOptions =
    mode === 'plugin' ? pluginRoutingOptions(messages, notes) : { ...(options.consentModel ? { consentModel: options.consentModel } : {}), gpc: options.gpcDeny.length ? { deny: options.gpcDeny } : false }
  const point = (time: number, state: ConsentState): TruthPoint => ({ time, state, decisions: decideRouting(like, state, routingOptions) })

  const consents = messages.filter((m): m is DiagnosticOf<'consent'> => m.kind === 'consent').sort((a, b) => a.time - b.time)
  const model: ConsentModel = routingOptions.consentModel ?? consents.find((c) => c.state.model)?.state.model ?? 'opt-in'
  const gpc = recording.scenario.gpc
  const points: TruthPoint[] = [point(recording.startedAt, { status: 'pending', categories: {}, model, gpc, source: 'audit' })]
  let forced: string[] = []

  if (mode === 'plugin') {
    for (const c of consents) {
      const decided = points.some((p) => p.state.status === 'decided')
      // After the visitor chose, a later page load's brief "pending" is the plugin holding events, not a new choice.
      if (c.state.status === 'pending' && decided) continue
      points.push(point(c.time, c.state))
      if (c.state.status === 'decided' && !decided && recording.drive && c.time >= recording.drive.startedAt) forced = checkDecision(recording, c.state, notes)
    }
    if (gpc && routingOptions.gpc === false) notes.push('GPC was on, but the plugin is configured without a gpc option: the signal changes nothing on this page.')
    if (gpc && consents.length && !consents.some((c) => c.state.gpc === true)) notes.push('GPC was on, but the consent source never reported it.')
    else if (gpc && routingOptions.gpc && routingOptions.gpc.deny.length) notes.push(`GPC is on: the site denies ${routingOptions.gpc.deny.join(', ')} whatever the platform reports.`)
  } else {
    if (recording.drive?.ok) points.push(point(recording.drive.startedAt, scenarioState(recording, settings, options, options.consentModel ?? 'opt-in')))
    // Only once the page ran far enough to drive consent; a page that never loaded needs no explanation of the mode.
    if (recording.drive) {
      notes.push(
        mode === 'inspector'
          ? 'No Consent Guard plugin on this page: events come from the debugger\u2019s inspector hook, and consent is judged from the scenario the driver applied.'
          : 'No diagnostics from this page (no plugin, no analytics-next seen by the inspector hook): judged from the network and the cookie jar only.',
      )
    }
    forced = recording.scenario.consent.kind === 'reject-all' ? [...options.necessary] : []
    if (gpc) notes.push(options.gpcDeny.length ? `GPC is on: judged with ${options.gpcDeny.join(', ')} denied (--gpc-deny).` : 'GPC was on, but no --gpc-deny was given: judged like accept-all.')
  }
  points.sort((a, b) => a.time - b.time)
  const decidedAt = points.find((p) => p.state.status === 'decided')?.time
  return { mode, settings, routingOptions, points, decidedAt, forced, notes }
}

/** The truth at `time`: the latest point at or before it (the first point covers everything earlier). */
export function truthAt(truth: ConsentTruth, time: number): TruthPoint {
  let found = truth.points[0]
  for (const p of truth.points) {
    if (p.time > time) break
    found = p
  }
  return found
}

/** One destination's decision at `time`, if the destination is known. */
export function decisionAt(truth: ConsentTruth, destination: string, time: number): RoutingDecision | undefined {
  return truthAt(truth, time).decisions.find((d) => d.destination === destination)
}
