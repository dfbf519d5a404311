/**
 * Sends accepted messages to the service worker in batches, one batch in
 * flight at a time, and retries a batch the worker did not acknowledge (it
 * may have been restarted mid-write). The worker dedupes by (tab, sid, seq),
 * so a retry never duplicates.
 */
import { utf8Bytes } from '../../shared/protocol/limits'
import type { Diagnostic } from '../../shared/protocol/protocol'
import type { RelayBatch } from '../messaging/extension-messages'

export interface ForwarderOptions {
  /** Messages per batch. */
  maxBatch?: number
  /** Serialized bytes per batch (runtime messages are capped at 64 MiB; stay far below). */
  maxBatchBytes?: number
  /**
   * Messages (and their bytes) waiting for the worker: a page's burst, or
   * everything while the worker is unreachable. Past either cap the oldest
   * go first. Generous: the worker applies the real bounds, and a live panel
   * shows everything it was sent.
   */
  maxQueued?: number
  maxQueuedBytes?: number
  /** Delays before each retry of a failed batch; after the last one the batch is given up. */
  retryDelaysMs?: number[]
  wait?: (ms: number) => Promise<void>
}

export interface Forwarder {
  push(message: Diagnostic): void
  /** Messages given up (queue overflow or retries exhausted). */
  readonly lost: number
  /** Resolves when nothing is queued or in flight (for tests). */
  idle(): Promise<void>
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function createForwarder(send: (batch: RelayBatch) => Promise<unknown>, pageId: string, options: ForwarderOptions = {}): Forwarder {
  const {
    maxBatch = 500,
    maxBatchBytes = 4 * 1024 * 1024,
    maxQueued = 20_000,
    maxQueuedBytes = 32 * 1024 * 1024,
    retryDelaysMs = [50, 250, 1000, 3000],
    wait = sleep,
  } = options
  const queue: Array<{ message: Diagnostic; bytes: number }> = []
  let queuedBytes = 0
  let lost = 0
  let running: Promise<void> | undefined

  function takeBatch(): Array<{ message: Diagnostic; bytes: number }> {
    let bytes = 0
    let n = 0
    while (n < queue.length && n < maxBatch && (n === 0 || bytes + queue[n].bytes <= maxBatchBytes)) bytes += queue[n++].bytes
    queuedBytes -= bytes
    return queue.splice(0, n)
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = takeBatch()
      const messages = batch.map((b) => b.message)
      let sent = false
      for (let attempt = 0; !sent; attempt++) {
        try {
          await send({ type: 'relay-batch', pageId, messages })
          sent = true
        } catch {
          if (attempt >= retryDelaysMs.length) break
          await wait(retryDelaysMs[attempt])
        }
      }
      if (!sent) lost += messages.length
    }
  }

  function run(): void {
    if (running) return
    // A microtask first, so messages posted in one burst travel together.
    running = Promise.resolve()
      .then(drain)
      .finally(() => {
        running = undefined
        if (queue.length > 0) run()
      })
  }

  return {
    push(message) {
      const bytes = utf8Bytes(JSON.stringify(message))
      queue.push({ message, bytes })
      queuedBytes += bytes
      while (queue.length > 1 && (queue.length > maxQueued || queuedBytes > maxQueuedBytes)) {
        queuedBytes -= queue.shift()!.bytes
        lost++
      }
      run()
    },
    get lost() {
      return lost
    },
    async idle() {
      while (running) await running
    },
  }
}
