import type { SegmentEventLike } from '../analytics-slice'

/**
 * Stamps `context.consent.categoryPreferences` with the effective map; other
 * `context.consent` keys are kept. Each event gets its own copy, so a later
 * plugin mutating one payload cannot change another's.
 */
export function stampConsent(event: SegmentEventLike, preferences: Record<string, boolean>): void {
  const context = (event.context ??= {})
  const consent = context.consent
  const categoryPreferences = { ...preferences }
  // Most events carry no consent of their own: no empty object to spread then.
  context.consent = typeof consent === 'object' && consent !== null ? { ...consent, categoryPreferences } : { categoryPreferences }
}
