/**
 * The what-if state: the hypothetical consent, whether it applies to the
 * selected event or to the whole session, and which event it started from.
 * Every change replaces the hypothesis object, so views can memoise on it.
 */
import type { ConsentModel } from '../../../shared/routing/types'
import { Listeners } from '../stores/listeners'
import { withCategory, type Hypothesis } from './what-if'

export type WhatIfScope = 'event' | 'session'

export class WhatIfStore {
  scope: WhatIfScope = 'event'
  /** Row key of the event the hypothesis started from. */
  baseKey: string | undefined
  hypothesis: Hypothesis | undefined
  readonly changed = new Listeners()

  /**
   * Starts over from an event's consent. Views call it while rendering a new
   * selection, so it does not announce itself (nothing else depends on it).
   */
  startFrom(key: string, start: Hypothesis): void {
    this.baseKey = key
    this.hypothesis = start
  }

  /** Back to the event's own consent (the Reset button). */
  reset(key: string, start: Hypothesis): void {
    this.startFrom(key, start)
    this.changed.emit()
  }

  setScope(scope: WhatIfScope): void {
    if (scope === this.scope) return
    this.scope = scope
    this.changed.emit()
  }

  setCategory(category: string, on: boolean): void {
    this.update((h) => withCategory(h, category, on))
  }

  setGpc(gpc: boolean): void {
    this.update((h) => ({ ...h, gpc }))
  }

  setModel(model: ConsentModel): void {
    this.update((h) => ({ ...h, model }))
  }

  setStatus(status: Hypothesis['status']): void {
    this.update((h) => ({ ...h, status }))
  }

  private update(change: (h: Hypothesis) => Hypothesis): void {
    if (!this.hypothesis) return
    this.hypothesis = change(this.hypothesis)
    this.changed.emit()
  }
}
