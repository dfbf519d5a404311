/**
 * Places new entries into a tab's chunks: onto the newest chunk while it has
 * room (`chunkEntries`, `chunkBytes`), then into new ones. Pure bookkeeping
 * on the caller's working copy of the tab's meta; the caller writes the
 * touched chunks.
 */
import type { BufferLimits } from './buffer-limits'
import type { TabMeta } from './tab-meta'

/** The newest chunk, as its entries' JSON texts (so an append only adds text). */
export interface OpenChunk {
  n: number
  texts: string[]
}

/** One entry to place: its JSON text, that text's UTF-8 bytes, and whether it is a message (markers are not counted). */
export interface PlacedEntry {
  text: string
  bytes: number
  message: boolean
}

/**
 * Appends `entries` after `open` (the newest chunk's current texts, or
 * undefined when the tab has none); returns the new newest chunk and every
 * chunk touched, by number, with its full list of texts.
 */
export function fillChunks(meta: TabMeta, open: OpenChunk | undefined, entries: PlacedEntry[], time: number, limits: BufferLimits): { open: OpenChunk; touched: Map<number, string[]> } {
  const touched = new Map<number, string[]>()
  let current = open
  for (const { text, bytes, message } of entries) {
    let info = meta.chunks.at(-1)
    if (!current || !info || current.texts.length >= limits.chunkEntries || (current.texts.length > 0 && info.bytes + bytes > limits.chunkBytes)) {
      info = { n: meta.nextChunk++, messages: 0, entries: 0, bytes: 0, firstTime: time }
      meta.chunks.push(info)
      current = { n: info.n, texts: [] }
    }
    current.texts.push(text)
    info.entries++
    info.bytes += bytes
    if (message) info.messages++
    touched.set(current.n, current.texts)
  }
  if (!current) throw new Error('fillChunks: nothing to place')
  return { open: current, touched }
}
