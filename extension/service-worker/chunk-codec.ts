/**
 * How buffer entries are stored: a chunk is one JSON string (an array of
 * entries; see tab-buffers.ts for why a string), built by joining each
 * entry's JSON text. A message entry's text is built around the message's
 * JSON as the relay sent it, so a 10,000-message flood is not serialised
 * again in the worker, neither to count bytes nor to write it.
 */
import type { BufferEntry } from '../messaging/extension-messages'

/**
 * An entry's JSON text; `messageJson` is the JSON of a message entry's
 * message when already at hand. Same text as `JSON.stringify(entry)` for an
 * entry built as `{ type, message, receivedAt }`.
 */
export function entryJson(entry: BufferEntry, messageJson?: string): string {
  if (entry.type !== 'message' || messageJson === undefined) return JSON.stringify(entry)
  return `{"type":"message","message":${messageJson},"receivedAt":${JSON.stringify(entry.receivedAt)}}`
}

/** A chunk's stored string from its entries' JSON texts. */
export function encodeChunk(texts: string[]): string {
  return `[${texts.join(',')}]`
}

/** A stored chunk back to entries; a missing or damaged chunk reads as empty. */
export function decodeChunk(value: unknown): BufferEntry[] {
  if (typeof value !== 'string') return []
  try {
    const entries: unknown = JSON.parse(value)
    return Array.isArray(entries) ? (entries as BufferEntry[]) : []
  } catch {
    return []
  }
}
