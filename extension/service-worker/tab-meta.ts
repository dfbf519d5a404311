/**
 * The per-tab bookkeeping kept in storage next to the chunks: which chunks
 * exist (oldest first, with their sizes), what was dropped, and which
 * (sid, seq) pairs were already stored. Plain JSON, pure helpers.
 */
import { addSeen, type SeenRanges } from './seen-set'

export interface ChunkInfo {
  /** Chunk number; the storage key is `chunkKey(tabId, n)`. */
  n: number
  /** Diagnostic messages in the chunk (navigation markers are not counted). */
  messages: number
  entries: number
  bytes: number
  /** When its first entry was stored: the global cap evicts the oldest chunk first. */
  firstTime: number
}

export interface TabMeta {
  tabId: number
  /** URL of the latest page that sent something. */
  url: string
  /** The relay instance (document) that sent last; a new one means a navigation. */
  pageId: string
  /** The next relay batch number expected from `pageId` (see batch-order.ts); absent in buffers stored before it existed. */
  relayBatch?: number
  chunks: ChunkInfo[]
  nextChunk: number
  dropped: number
  /** Keyed by `#` + sid: sids are page data, and `#__proto__` is a harmless key. */
  seen: Record<string, SeenRanges>
  /** sids in first-seen order, so the oldest can be forgotten. */
  sids: string[]
}

export const META_KEY = 'buffers'
export const chunkKey = (tabId: number, n: number) => `chunk:${tabId}:${n}`

export function newMeta(tabId: number): TabMeta {
  return { tabId, url: '', pageId: '', relayBatch: 0, chunks: [], nextChunk: 0, dropped: 0, seen: {}, sids: [] }
}

export const messageCount = (meta: TabMeta) => meta.chunks.reduce((n, c) => n + c.messages, 0)
export const byteCount = (meta: TabMeta) => meta.chunks.reduce((n, c) => n + c.bytes, 0)

/**
 * Records (sid, seq); false when it was stored before. Past `maxSids` the
 * oldest sid is forgotten: a page's plugin only replays its own backlog, so
 * an old sid coming back is vanishingly rare.
 */
export function markSeen(meta: TabMeta, sid: string, seq: number, maxSids: number): boolean {
  let ranges = meta.seen[`#${sid}`]
  if (!ranges) {
    ranges = []
    meta.seen[`#${sid}`] = ranges
    meta.sids.push(sid)
    while (meta.sids.length > maxSids) delete meta.seen[`#${meta.sids.shift()!}`]
  }
  return addSeen(ranges, seq)
}
