/**
 * Sends accepted messages to the service worker in numbered batches and
 * retries a batch the worker did not acknowledge (it may have been restarted
 * mid-write). The worker dedupes by (tab, sid, seq), so a retry never
 * duplicates, and it stores a page's batches strictly in order (see
 * `RelayBatch`), so a retry never lands after a later batch.
 *
 * Several batches may be in flight. During a burst the page's own message
 * events fill this thread's task queue, and the worker's acknowledgements
 * queue behind all of them: with one batch in flight the worker idled until
 * the burst was over. So while a batch is in flight, every batch that fills
 * up is sent at once; a partial one waits until nothing is in flight, or
 * until no message came for `lingerMs` (the burst is over: waiting for the
 * worker to work through its backlog first would only add that to the end).
 * With nothing in flight, a batch waits only for the end of the current task.
 */
import type { RelayBatch } from '../messaging/extension-messages'

export interface ForwarderOptions {
  /** Messages per batch. */
  maxBatch?: number
  /** Serialized bytes per batch (runtime messages are capped at 64 MiB; stay far below). */
  maxBatchBytes?: number
  /** Batches sent and not yet acknowledged (or given up), and their bytes: past either, new batches wait. */
  maxInFlight?: number
  maxInFlightBytes?: number
  /**
   * Messages (and their bytes) waiting to be sent: a page's burst, or
   * everything while the worker is unreachable. Past either cap the oldest
   * go first. Generous: the worker applies the real bounds, and a live panel
   * shows everything it was sent.
   */
  maxQueued?: number
  maxQueuedBytes?: number
  /** Quiet time after which a partial batch goes although others are in flight. */
  lingerMs?: number
  /** Delays before each retry of a failed batch; after the last one the batch is given up. */
  retryDelaysMs?: number[]
  wait?: (ms: number) => Promise<void>
}

export interface Forwarder {
  /** One message's JSON text and its size (UTF-8 bytes, or the text's length: see `cappedSize`). */
  push(message: { json: string; bytes: number }): void
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
    maxInFlight = 32,
    maxInFlightBytes = 32 * 1024 * 1024,
    maxQueued = 20_000,
    maxQueuedBytes = 32 * 1024 * 1024,
    lingerMs = 5,
    retryDelaysMs = [50, 250, 1000, 3000],
    wait = sleep,
  } = options
  const queue: Array<{ json: string; bytes: number }> = []
  let queuedBytes = 0
  let lost = 0
  let nextBatch = 0
  /** Batch number -> its bytes, for every batch sent and not yet acknowledged or given up. */
  const unsettled = new Map<number, number>()
  let inFlightBytes = 0
  let flushScheduled = false
  const deliveries = new Set<Promise<void>>()
  let pushes = 0
  let lingering = false

  function takeBatch(): { messages: string; count: number; bytes: number } {
    let bytes = 0
    let n = 0
    while (n < queue.length && n < maxBatch && (n === 0 || bytes + queue[n].bytes <= maxBatchBytes)) bytes += queue[n++].bytes
    queuedBytes -= bytes
    return { messages: queue.splice(0, n).map((q) => q.json).join('\n'), count: n, bytes }
  }

  /** The oldest batch still owed to the worker (only numbers, so it is cheap for a few dozen). */
  const floor = () => Math.min(...unsettled.keys())

  /** Sends one batch until acknowledged or given up. Only the joined text is kept for retries: a flood's thousands of small strings die young. */
  async function deliver(batch: number, messages: string, count: number): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await send({ type: 'relay-batch', pageId, batch, floor: floor(), messages })
        return
      } catch {
        if (attempt >= retryDelaysMs.length) {
          lost += count
          return
        }
        await wait(retryDelaysMs[attempt])
      }
    }
  }

  function start(): void {
    const { messages, count, bytes } = takeBatch()
    const batch = nextBatch++
    unsettled.set(batch, bytes)
    inFlightBytes += bytes
    const delivery = deliver(batch, messages, count).finally(() => {
      unsettled.delete(batch)
      inFlightBytes -= bytes
      deliveries.delete(delivery)
      flush()
    })
    deliveries.add(delivery)
  }

  function flush(partial = false): void {
    while (queue.length > 0) {
      const full = queue.length >= maxBatch || queuedBytes >= maxBatchBytes
      const room = unsettled.size < maxInFlight && inFlightBytes < maxInFlightBytes
      if (unsettled.size > 0 && !((full || partial) && room)) return linger()
      start()
    }
  }

  /**
   * Sends a waiting partial batch once a check finds no new message since
   * the previous one. One timer at a time, re-armed (not reset per message):
   * a burst of thousands of messages costs a few timer tasks.
   */
  function linger(): void {
    if (lingering) return
    lingering = true
    const seen = pushes
    setTimeout(() => {
      lingering = false
      if (pushes !== seen) linger()
      else flush(true)
    }, lingerMs)
  }

  function schedule(): void {
    if (flushScheduled) return
    flushScheduled = true
    // A microtask first, so messages posted in one task travel together. Each
    // of a page's message events is a task of its own, so a batch that fills
    // up during a burst still leaves at once.
    queueMicrotask(() => {
      flushScheduled = false
      flush()
    })
  }

  return {
    push({ json, bytes }) {
      pushes++
      queue.push({ json, bytes })
      queuedBytes += bytes
      while (queue.length > 1 && (queue.length > maxQueued || queuedBytes > maxQueuedBytes)) {
        queuedBytes -= queue.shift()!.bytes
        lost++
      }
      schedule()
    },
    get lost() {
      return lost
    },
    async idle() {
      while (deliveries.size > 0 || queue.length > 0 || flushScheduled) {
        if (deliveries.size > 0) await Promise.race(deliveries)
        else await Promise.resolve()
      }
    },
  }
}
