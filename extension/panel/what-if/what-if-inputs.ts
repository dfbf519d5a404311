/**
 * Builds one event's what-if inputs from what was recorded: the settings
 * message before it, the plugin's options from `hello`, and the consent the
 * event was stamped with as the toggles' starting point.
 */
import { settingsLike } from '../../../shared/routing/predict-routing'
import type { DiagnosticOf } from '../../../shared/protocol/protocol'
import type { CdnSettingsLike, ConsentModel, RoutingDecision } from '../../../shared/routing/types'
import type { EventRow } from '../stores/event-row'
import type { EventContext, SettingsBody } from './event-contexts'
import { readPageOptions, type PageOptions } from './page-options'
import type { Hypothesis, WhatIfInputs } from './what-if'

/** The event analytics-next sends when consent changes; the plugin exempts it from Segment's rule. */
export const CONSENT_CHANGED_EVENT = 'Segment Consent Preference Updated'

const sharedSettings = new WeakMap<SettingsBody, CdnSettingsLike>()
const sharedOptions = new WeakMap<object, { page: PageOptions; options: WhatIfInputs['options'] }>()
const NO_HELLO = {}
const NO_OPTIONS: WhatIfInputs['options'] = {}

/** One options object per plugin instance (its hello): whole-session what-if then shares routing between a page's events. */
function optionsOf(hello: DiagnosticOf<'hello'> | undefined) {
  let found = sharedOptions.get(hello ?? NO_HELLO)
  if (!found) {
    const page = readPageOptions(hello)
    found = { page, options: { categoryRule: page.categoryRule, unmappedDestinations: page.unmappedDestinations, gpc: page.gpc } }
    sharedOptions.set(hello ?? NO_HELLO, found)
  }
  return found
}

/**
 * The settings routing reads, from the settings message plus any destination
 * the event's decisions name that the message lacks (a destination plugin
 * registered after it was sent). The message's categories are already after
 * `integrationCategoryMappings` (and `defer` categories), so mappings are not
 * applied again.
 */
function eventSettings(body: SettingsBody | undefined, decisions: RoutingDecision[]): CdnSettingsLike {
  const listed = new Set(body?.destinations.map((d) => d.destination))
  const extra = decisions.filter((d) => !listed.has(d.destination)).map(({ destination, mode, categories }) => ({ destination, mode, categories }))
  // One object per settings message, for the same sharing.
  const shared = body && extra.length === 0 ? sharedSettings.get(body) : undefined
  if (shared) return shared
  const destinations = [...(body?.destinations ?? []), ...extra]
  const like = settingsLike({
    destinations,
    allCategories: body?.allCategories ?? [],
    hasConsentSettings: body?.hasConsentSettings ?? false,
    hasUnmappedDestinations: body?.hasUnmappedDestinations,
  })
  // settingsLike marks device mode as type 'browser', which analytics-next's rule refuses for names
  // starting with "Segment" or equal to "Iterable": listing them as remote plugins keeps the recorded mode.
  const device = destinations.filter((d) => d.mode === 'device').map((d) => ({ name: d.destination, creationName: d.destination }))
  const result = device.length > 0 ? { ...like, remotePlugins: device } : like
  if (body && extra.length === 0) sharedSettings.set(body, result)
  return result
}

/** Every category a toggle is shown for: the stamped ones first, then any the settings or mappings name. */
function categoryList(row: EventRow, settings: CdnSettingsLike, mappings: Record<string, string[]>): string[] {
  const all = new Set<string>(Object.keys(row.consent ?? {}))
  for (const c of settings.consentSettings?.allCategories ?? []) all.add(c)
  for (const entry of Object.values(settings.integrations)) for (const c of entry.consentSettings?.categories ?? []) all.add(c)
  for (const d of row.decisions) for (const c of d.categories) all.add(c)
  for (const list of Object.values(mappings)) for (const c of list) all.add(c)
  return [...all]
}

/** The toggles' starting point: the stamped map holds effective values (true = counted), so it reads back as itself. */
function startingPoint(row: EventRow, model: ConsentModel, gpc: boolean, categories: string[]): Hypothesis {
  const stamped = row.consent ?? {}
  const value = (c: string) => (Object.prototype.hasOwnProperty.call(stamped, c) ? stamped[c] === true : model === 'opt-out')
  return { categories: Object.fromEntries(categories.map((c) => [c, value(c)])), status: row.status ?? 'decided', model, gpc }
}

/** One event's inputs: settings, options, the starting hypothesis and notes on what had to be assumed. */
export function whatIfInputs(row: EventRow, context: EventContext | undefined): WhatIfInputs {
  const settings = eventSettings(context?.settings, row.decisions)
  const notes: string[] = []
  if (!context?.settings) notes.push('No settings message before this event: destinations come from its own decisions, and Segment.io is decided as if the settings had no consentSettings.')
  if (row.predicted) {
    // As predictRouting reads it: a consent object is a decided opt-in map; none means Segment filters nothing.
    const model: ConsentModel = row.consent ? 'opt-in' : 'opt-out'
    if (!row.consent) notes.push('This event carried no consent object, so Segment filters nothing: it starts as opt-out with every category consented.')
    notes.push('No plugin on this page: what-if uses Segment’s rule (every category of a destination must be consented; unmapped destinations allowed).')
    const categories = categoryList(row, settings, {})
    return { settings, options: NO_OPTIONS, start: startingPoint(row, model, false, categories), categories, notes, exempt: false, predicted: true }
  }
  const { page, options } = optionsOf(context?.hello)
  const model = page.consentModel ?? row.consentInForce?.state.model ?? 'opt-in'
  // The signal is known from the consent message; a recorded 'gpc' reason proves it was on even without one.
  const gpc = row.consentInForce?.state.gpc === true || row.decisions.some((d) => d.reason === 'gpc')
  const categories = categoryList(row, settings, page.integrationCategoryMappings)
  return {
    settings,
    options,
    start: startingPoint(row, model, gpc, categories),
    categories,
    notes: [...notes, ...page.notes],
    exempt: row.type === 'track' && row.name === CONSENT_CHANGED_EVENT,
    predicted: false,
  }
}
