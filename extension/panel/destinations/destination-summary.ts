/**
 * The destinations view's model: every destination the settings list (the
 * plugin's, else the inspector's, marked predicted), how it loaded, what it
 * received, and the configuration smells worth a warning.
 */
import type { Diagnostic, DiagnosticOf, SettingsDestination } from '../../../shared/protocol/protocol'
import type { DestinationMode } from '../../../shared/routing/types'
import type { EventRow } from '../stores/event-row'

export type WarningKind = 'unmapped' | 'unknown-category' | 'never-granted' | 'loaded-without-consent'

export interface DestinationWarning {
  kind: WarningKind
  text: string
}

export interface DestinationSummary {
  destination: string
  mode: DestinationMode
  categories: string[]
  /** How its code loaded, where known. */
  load: string
  /**
   * For a destination the plugin loaded on grant: where its code came from (a URL, or `plugin factory`),
   * how many of the site's destination middleware and which Destination Filters apply to it.
   */
  loadedOnGrant?: { from?: string; middleware: number; filters: string[] }
  local: boolean
  predicted: boolean
  counts: { delivered: number; blocked: number; failed: number; notLoaded: number }
  warnings: DestinationWarning[]
}

type AnySettings = DiagnosticOf<'settings'> | DiagnosticOf<'inspector-settings'>

const LOAD_ACTIONS: Record<DiagnosticOf<'destination'>['action'], string | undefined> = {
  loaded: 'loaded',
  'lazy-loaded': 'loaded (lazy, after consent)',
  deferred: 'lazy (waiting for consent)',
  failed: 'failed',
  'loaded-without-consent': undefined,
}

export function summarizeDestinations(messages: Diagnostic[], rows: EventRow[]): DestinationSummary[] {
  let settings: AnySettings | undefined
  let pluginSettings = false
  const cmpCategories = new Set<string>()
  const granted = new Set<string>()
  let consentSeen = false
  for (const m of messages) {
    if (m.kind === 'settings' || (m.kind === 'inspector-settings' && !pluginSettings)) {
      settings = m
      pluginSettings ||= m.kind === 'settings'
    } else if (m.kind === 'consent') {
      consentSeen = true
      for (const c of Object.keys(m.state.categories)) cmpCategories.add(c)
      for (const [c, v] of Object.entries(m.preferences)) if (v) granted.add(c)
    }
  }
  // Without the plugin, the stamped consent objects are all we know of the CMP.
  const predictedOnly = !pluginSettings
  for (const row of rows) {
    if (!row.consent) continue
    for (const [c, v] of Object.entries(row.consent)) {
      if (v) granted.add(c)
      if (predictedOnly && !consentSeen) cmpCategories.add(c)
    }
  }
  const judgeCategories = consentSeen || (predictedOnly && cmpCategories.size > 0)

  const byName = new Map<string, DestinationSummary>()
  const add = (d: SettingsDestination, predicted: boolean) =>
    byName.set(d.destination, {
      destination: d.destination,
      mode: d.mode,
      categories: d.categories,
      load: d.load ?? (d.mode === 'device' ? 'unknown' : d.mode === 'cloud' ? 'server-side' : ''),
      local: d.local === true,
      predicted,
      counts: { delivered: 0, blocked: 0, failed: 0, notLoaded: 0 },
      warnings: [],
    })
  for (const d of settings?.destinations ?? []) add(d, settings?.kind === 'inspector-settings')

  const withoutConsent = new Set<string>()
  for (const m of messages) {
    if (m.kind !== 'destination') continue
    if (m.action === 'loaded-without-consent') {
      withoutConsent.add(m.destination)
      for (const d of m.destinations ?? []) withoutConsent.add(d)
    }
    const load = LOAD_ACTIONS[m.action]
    const s = byName.get(m.destination)
    if (s && load) s.load = load
    if (s && m.action === 'lazy-loaded') s.loadedOnGrant = { from: m.loadedFrom, middleware: m.middleware ?? 0, filters: m.filters ?? [] }
  }

  for (const row of rows) {
    for (const o of row.outcomes) {
      let s = byName.get(o.destination)
      if (!s) {
        const d = row.decisions.find((x) => x.destination === o.destination)
        add({ destination: o.destination, mode: d?.mode ?? 'device', categories: d?.categories ?? [], local: true }, row.predicted)
        s = byName.get(o.destination)!
      }
      if (o.outcome === 'delivered') s.counts.delivered++
      else if (o.outcome === 'blocked') s.counts.blocked++
      else if (o.outcome === 'failed') s.counts.failed++
      else s.counts.notLoaded++
    }
  }

  for (const s of byName.values()) {
    if (s.mode !== 'segment' && s.categories.length === 0) s.warnings.push({ kind: 'unmapped', text: 'No consent category: follows unmappedDestinations.' })
    for (const c of s.categories) {
      if (judgeCategories && !cmpCategories.has(c)) s.warnings.push({ kind: 'unknown-category', text: `Category ${c} is unknown to the CMP.` })
      else if ((consentSeen || rows.length > 0) && !granted.has(c)) s.warnings.push({ kind: 'never-granted', text: `Category ${c} was never granted in this session.` })
    }
    if (withoutConsent.has(s.destination)) s.warnings.push({ kind: 'loaded-without-consent', text: 'Its code loaded without consent (use guard.loadOptions()).' })
  }
  return [...byName.values()]
}
