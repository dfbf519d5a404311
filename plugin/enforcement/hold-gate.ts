import type { EventHold, HoldOutcome, HoldReport } from './event-hold'

/**
 * The up-front side of the opt-in hold. The hold itself (event-hold.ts) is a
 * chunk of its own, loaded only by a page whose opt-in decision is still
 * pending once the consent source started; a page decided by then never
 * downloads it. While its code is on its way, every event waits its turn
 * for it (first come, first served), so order holds; its timeout counts
 * from the plugin's start.
 */
export interface HoldGate {
  /** Once the consent source started: opens the hold (fetching its code) if `pending`, else closes it. */
  start(pending: boolean): void
  /** Releases every held event, in order, and closes the hold for the page. */
  release(): void
  /** Whether events must go through `wait`: the hold is open, or its code is on its way. */
  readonly active: boolean
  /** Parks one event while the hold is open and `stillPending()`; resolves how it left (undefined: not held). */
  wait(messageId: string, stillPending: () => boolean): Promise<HoldOutcome | undefined>
  stop(): void
}

export function holdGate(limits: { timeoutMs: number; maxEvents: number }, report: (r: HoldReport) => void): HoldGate {
  const startedAt = Date.now()
  let hold: EventHold | undefined
  let holding: Promise<EventHold | undefined> | undefined
  let released = false
  const gate: HoldGate = {
    start(pending) {
      if (released) return // decided while starting
      if (!pending) return gate.release()
      holding = import('./event-hold').then(
        ({ createEventHold }) => (hold = createEventHold(limits, report, startedAt)),
        // Without its code, events go on at once (each with its own diagnostic): nothing waits for code that never came.
        () => undefined,
      )
    },
    release() {
      if (released) return
      released = true
      if (hold) hold.release()
      else if (holding) void holding.then((h) => h?.release())
      else report({ action: 'released', held: 0 })
    },
    get active() {
      return holding !== undefined && (!hold || hold.open)
    },
    async wait(messageId, stillPending) {
      const h = hold ?? (await holding)
      return h?.open && !released && stillPending() ? h.hold(messageId) : undefined
    },
    stop() {
      void holding?.then((h) => h?.stop())
    },
  }
  return gate
}
