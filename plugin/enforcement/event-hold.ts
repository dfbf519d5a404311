/**
 * Opt-in: events created while consent is pending wait here, in order, until
 * the CMP decides (released under the decided state) or `timeoutMs` passes
 * (the hold closes for the page; events go out under all-false consent).
 * Past `maxEvents` the oldest is dropped. Held events live only in memory.
 * An on-demand chunk: only a page whose opt-in decision is pending at start
 * loads it.
 */
export type HoldOutcome = 'released' | 'dropped'

export interface HoldReport {
  action: 'held' | 'released' | 'dropped' | 'timeout'
  messageId?: string
  reason?: string
  held: number
}

export interface EventHold {
  /** True while events should wait (opt-in, pending, before decision/timeout). */
  readonly open: boolean
  /** Parks one event; resolves when it is released or dropped (at once when the hold is closed). */
  hold(messageId: string): Promise<HoldOutcome>
  /** Releases every held event, in order, and closes the hold. */
  release(): void
  size(): number
  stop(): void
}

/** `startedAt`: when the page's wait began (the plugin's start); `timeoutMs` counts from there. */
export function createEventHold(
  limits: { timeoutMs: number; maxEvents: number },
  report: (r: HoldReport) => void,
  startedAt = Date.now(),
): EventHold {
  const waiting: Array<{ messageId: string; settle: (o: HoldOutcome) => void }> = []
  let open = true

  const drain = (action: 'released' | 'timeout') => {
    if (!open) return
    open = false
    clearTimeout(timer)
    const released = waiting.splice(0)
    report({ action, held: 0, reason: action === 'timeout' ? `no consent decision within ${limits.timeoutMs} ms` : undefined })
    for (const w of released) w.settle('released')
  }
  const timer = setTimeout(() => drain('timeout'), Math.max(0, startedAt + limits.timeoutMs - Date.now()))

  return {
    get open() {
      return open
    },
    hold(messageId) {
      if (!open) return Promise.resolve('released')
      return new Promise<HoldOutcome>((settle) => {
        waiting.push({ messageId, settle })
        report({ action: 'held', messageId, held: waiting.length })
        while (waiting.length > limits.maxEvents) {
          const oldest = waiting.shift()!
          report({ action: 'dropped', messageId: oldest.messageId, reason: `more than ${limits.maxEvents} events held`, held: waiting.length })
          oldest.settle('dropped')
        }
      })
    },
    release: () => drain('released'),
    size: () => waiting.length,
    stop() {
      clearTimeout(timer)
    },
  }
}
