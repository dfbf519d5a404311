/**
 * Which chunks to drop when a buffer passes its bounds. Whole oldest chunks
 * go (cheap: no chunk is rewritten), and dropped messages are counted.
 * Only the in-memory bookkeeping changes here; the caller removes the keys.
 */
import type { BufferLimits } from './buffer-limits'
import { byteCount, chunkKey, messageCount, type TabMeta } from './tab-meta'

function dropOldest(meta: TabMeta): string {
  const chunk = meta.chunks.shift()!
  meta.dropped += chunk.messages
  return chunkKey(meta.tabId, chunk.n)
}

/** Per-tab bounds; the newest chunk always stays. Returns the keys to remove. */
export function evictWithinTab(meta: TabMeta, limits: BufferLimits): string[] {
  const keys: string[] = []
  while (meta.chunks.length > 1 && (messageCount(meta) > limits.tabMessages || byteCount(meta) > limits.tabBytes)) {
    keys.push(dropOldest(meta))
  }
  return keys
}

/**
 * The all-tabs bound: which tabs should drop how many of their oldest
 * chunks, globally oldest first, to get under it. Pure: each tab then drops
 * them on its own chain, so no tab's bookkeeping is changed under an append
 * in flight. A tab's newest chunk is never planned, so the total can
 * overshoot by at most one chunk per tab.
 */
export function planGlobalEviction(metas: Iterable<TabMeta>, limits: BufferLimits): Map<number, number> {
  const plan = new Map<number, number>()
  const list = [...metas]
  let total = list.reduce((n, m) => n + byteCount(m), 0)
  while (total > limits.totalBytes) {
    let victim: TabMeta | undefined
    let victimChunk: TabMeta['chunks'][number] | undefined
    for (const meta of list) {
      const taken = plan.get(meta.tabId) ?? 0
      if (meta.chunks.length - taken < 2) continue
      const chunk = meta.chunks[taken]
      if (!victimChunk || chunk.firstTime < victimChunk.firstTime) {
        victim = meta
        victimChunk = chunk
      }
    }
    if (!victim || !victimChunk) break
    plan.set(victim.tabId, (plan.get(victim.tabId) ?? 0) + 1)
    total -= victimChunk.bytes
  }
  return plan
}

/** Drops up to `count` oldest chunks (keeping the newest); returns the keys to remove. */
export function evictOldest(meta: TabMeta, count: number): string[] {
  const keys: string[] = []
  while (keys.length < count && meta.chunks.length > 1) keys.push(dropOldest(meta))
  return keys
}
