/**
 * Turns one checked relay batch into the entries to store: a navigation
 * marker when a new page starts sending, then every message not stored
 * before (dedupe by sid and seq, recorded in the caller's working copy of the
 * tab's meta), each with its JSON text and UTF-8 size for the chunk writer.
 */
import type { CheckedMessage } from '../messaging/checked-message'
import { utf8Bytes } from '../../shared/protocol/utf8-bytes'
import type { BufferEntry } from '../messaging/extension-messages'
import { entryJson } from './chunk-codec'
import type { PlacedEntry } from './chunk-fill'
import { markSeen, type TabMeta } from './tab-meta'

/** A batch's new entries, in order, and the same as texts to store. */
export interface Collected {
  fresh: BufferEntry[]
  placed: PlacedEntry[]
}

export function collectEntries(meta: TabMeta, batch: { pageId: string; url: string; checked: CheckedMessage[] }, time: number, sidsPerTab: number): Collected {
  const out: Collected = { fresh: [], placed: [] }
  if (meta.pageId !== batch.pageId) {
    const marker: BufferEntry = { type: 'navigation', url: batch.url, time, pageId: batch.pageId }
    const text = entryJson(marker)
    out.fresh.push(marker)
    out.placed.push({ text, bytes: utf8Bytes(text), message: false })
    meta.pageId = batch.pageId
    meta.url = batch.url
  }
  for (const { message, json, bytes } of batch.checked) {
    if (!markSeen(meta, message.sid, message.seq, sidsPerTab)) continue
    const entry: BufferEntry = { type: 'message', message, receivedAt: time }
    const text = entryJson(entry, json)
    out.fresh.push(entry)
    // The wrapper around the message's text is ASCII: its bytes are its length.
    out.placed.push({ text, bytes: bytes + text.length - json.length, message: true })
  }
  return out
}
