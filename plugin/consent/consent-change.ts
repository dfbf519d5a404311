import type { ConsentState } from '../../shared/routing/types'
import { sameCategories } from './normalize-state'

export const CONSENT_CHANGED_EVENT = 'Segment Consent Preference Updated'

/**
 * Decides when a new state is a *real* change worth the
 * `Segment Consent Preference Updated` event: the decided categories differ
 * from the last decided ones seen on this page. The first decision counts
 * only when the source itself reported `pending` before it and the user acted
 * (`explicit`), so a returning visitor's stored choice sends nothing.
 */
export function createChangeDetector(): (state: ConsentState, sourceReportedPending: boolean) => boolean {
  let lastDecided: Record<string, boolean> | undefined
  return (state, sourceReportedPending) => {
    if (state.status !== 'decided') return false
    const before = lastDecided
    lastDecided = state.categories
    if (before === undefined) return sourceReportedPending && state.explicit === true
    return !sameCategories(before, state.categories)
  }
}
