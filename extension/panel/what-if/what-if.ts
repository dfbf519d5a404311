/**
 * "What if": the routing `decideRouting` predicts for an event under a
 * consent the QA engineer makes up, next to the routing that happened.
 * Pure computation in the panel (no DOM, nothing sent to the page): the
 * inputs come from the recorded messages (what-if-inputs.ts).
 */
import { decideRouting } from '../../../shared/routing/decide-routing'
import type { CdnSettingsLike, ConsentModel, ConsentState, RoutingDecision, RoutingOptions } from '../../../shared/routing/types'

/** The made-up consent: what each category counts as, plus the switches that change how it counts. */
export interface Hypothesis {
  /** Category -> counts as consented. A category not listed takes the model's default. */
  categories: Record<string, boolean>
  status: 'pending' | 'decided'
  model: ConsentModel
  /** The GPC signal (only matters when the page's `gpc` option denies categories). */
  gpc: boolean
}

/** Everything recorded about one event that routing needs, read once per event. */
export interface WhatIfInputs {
  /** The page's settings before the event, rebuilt from its settings message (and the event's own decisions). */
  settings: CdnSettingsLike
  /** The page's routing options from `hello`; the model comes from the hypothesis. */
  options: Pick<RoutingOptions, 'categoryRule' | 'unmappedDestinations' | 'gpc'>
  /** The consent the event was stamped with: where the toggles start. */
  start: Hypothesis
  /** Every category the toggles show for this event, in a stable order. */
  categories: string[]
  /** What the panel could not reproduce, or assumed, in words. */
  notes: string[]
  /** The consent change event: Segment.io receives it whatever the rule says. */
  exempt: boolean
  /** Inspector rows: routing predicted, outcomes derived from `allowed` alone. */
  predicted: boolean
}

/** One destination side by side. */
export interface WhatIfRow {
  destination: string
  mode: RoutingDecision['mode']
  happened?: RoutingDecision
  whatIf?: RoutingDecision
  /** The decision, its reason or its missing categories differ. */
  changed: boolean
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)

/** What a category counts as under the hypothesis: its toggle, else the model's default (opt-out: consented). */
export function categoryValue(h: Hypothesis, category: string): boolean {
  return hasOwn(h.categories, category) ? h.categories[category] === true : h.model === 'opt-out'
}

/** The hypothesis as a consent state for `decideRouting`. */
function hypotheticalState(h: Hypothesis): ConsentState {
  return { status: h.status, categories: { ...h.categories }, model: h.model, gpc: h.gpc, source: 'what-if' }
}

/** The routing `decideRouting` predicts for one event under the hypothesis. */
export function whatIfRouting(inputs: WhatIfInputs, h: Hypothesis): RoutingDecision[] {
  return decideRouting(inputs.settings, hypotheticalState(h), { ...inputs.options, consentModel: h.model })
}

function sameDecision(a: RoutingDecision | undefined, b: RoutingDecision | undefined): boolean {
  if (!a || !b) return a === b
  return a.allowed === b.allowed && a.reason === b.reason && a.missing.length === b.missing.length && a.missing.every((c, i) => b.missing[i] === c)
}

/** Pairs what happened with what would happen, per destination, in the recorded order. */
export function compareRouting(happened: RoutingDecision[], whatIf: RoutingDecision[]): WhatIfRow[] {
  const then = new Map(happened.map((d) => [d.destination, d]))
  const now = new Map(whatIf.map((d) => [d.destination, d]))
  const names = [...new Set([...happened.map((d) => d.destination), ...whatIf.map((d) => d.destination)])]
  return names.map((destination) => {
    const a = then.get(destination)
    const b = now.get(destination)
    return { destination, mode: (b ?? a)!.mode, happened: a, whatIf: b, changed: !sameDecision(a, b) }
  })
}

/** Toggles a copy: computed keys keep a page-named category such as `__proto__` an ordinary key. */
export function withCategory(h: Hypothesis, category: string, on: boolean): Hypothesis {
  return { ...h, categories: { ...h.categories, [category]: on } }
}
