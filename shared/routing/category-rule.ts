import type { CategoryRule, ConsentModel, ConsentState, RoutingOptions } from './types'

/**
 * Whether each category *counts* as consented under one state. Opt-in: only an
 * explicit `true` after a decision; opt-out: anything but `false`. A category
 * GPC denies never counts.
 */
export interface ConsentView {
  model: ConsentModel
  pending: boolean
  gpcDenied: ReadonlySet<string>
  counts(category: string): boolean
  /** Would it count if GPC were off? Tells `gpc` apart from `missing-consent`. */
  countsWithoutGpc(category: string): boolean
}

export function modelInForce(state: ConsentState, options: RoutingOptions): ConsentModel {
  return options.consentModel ?? state.model ?? 'opt-in'
}

export function viewConsent(state: ConsentState, options: RoutingOptions): ConsentView {
  const model = modelInForce(state, options)
  const pending = state.status === 'pending'
  const gpcDenied = new Set(options.gpc && state.gpc === true ? options.gpc.deny : [])
  const categories = state.categories
  const countsWithoutGpc = (c: string): boolean => {
    const value = Object.prototype.hasOwnProperty.call(categories, c) ? categories[c] : undefined
    return model === 'opt-in' ? !pending && value === true : value !== false
  }
  return {
    model,
    pending,
    gpcDenied,
    countsWithoutGpc,
    counts: (c) => !gpcDenied.has(c) && countsWithoutGpc(c),
  }
}

/** Runs `categoryRule` over the categories a destination requires. */
export function passesRule(
  rule: CategoryRule | undefined,
  required: string[],
  prefs: Record<string, boolean>,
  destination: string,
): boolean {
  if (typeof rule === 'function') return rule(required, prefs, { destination }) === true
  if (rule === 'any') return required.some((c) => prefs[c] === true)
  return required.every((c) => prefs[c] === true)
}

/**
 * The effective preferences: every category the CMP reports plus `extra`
 * (allCategories, mapped categories), each `true` iff it counts. This is the
 * map stamped on events, so Segment's servers decide as we predict.
 */
export function effectivePreferences(view: ConsentView, state: ConsentState, extra: Iterable<string>): Record<string, boolean> {
  const prefs: Record<string, boolean> = Object.create(null)
  for (const c of Object.keys(state.categories)) prefs[c] = view.counts(c)
  for (const c of extra) if (!(c in prefs)) prefs[c] = view.counts(c)
  // A plain object again: the stamped map is serialised into the payload.
  return { ...prefs }
}
