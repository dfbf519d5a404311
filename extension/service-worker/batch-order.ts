/**
 * Keeps a page's relay batches in page order although several are in flight
 * (see `RelayBatch`). Chrome delivers one sender's messages in order, so
 * without failures every batch is admitted at once; after a failed write or
 * a worker restart, a later batch is refused until the earlier one's retry
 * is stored, or the relay gives that one up (its `floor` moves past it).
 */
import type { TabMeta } from './tab-meta'

/** A batch's place among its page's batches. */
export interface BatchOrder {
  batch: number
  /** The relay's oldest batch not yet acknowledged nor given up. */
  floor: number
}

/**
 * Whether the batch may be stored now; if so, records it in `meta` (the
 * caller's working copy, written with the batch). A retry of a batch already
 * stored is admitted: its messages are dropped as duplicates.
 */
export function admitBatch(meta: Pick<TabMeta, 'pageId' | 'relayBatch'>, pageId: string, order: BatchOrder): boolean {
  const expected = Math.max(meta.pageId === pageId ? (meta.relayBatch ?? 0) : 0, order.floor)
  if (order.batch > expected) return false
  meta.relayBatch = Math.max(expected, order.batch + 1)
  return true
}
