import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BufferEntry } from '../messaging/extension-messages'
import { PluginSession } from '../test-support/diagnostics'
import { decodeChunk, encodeChunk, entryJson } from './chunk-codec'

const entries = fc.oneof(
  fc.record({ name: fc.string(), at: fc.nat() }).map(
    ({ name, at }): BufferEntry => ({ type: 'message', message: new PluginSession('s').event(name, { C0001: true }), receivedAt: at }),
  ),
  fc.record({ url: fc.string(), time: fc.integer(), pageId: fc.string() }).map((r): BufferEntry => ({ type: 'navigation', ...r })),
)

describe(entryJson, () => {
  it('builds exactly JSON.stringify(entry) around the message’s own JSON text', () => {
    fc.assert(
      fc.property(entries, (entry) => {
        const messageJson = entry.type === 'message' ? JSON.stringify(entry.message) : undefined
        expect(entryJson(entry, messageJson)).toBe(JSON.stringify(entry))
        expect(entryJson(entry)).toBe(JSON.stringify(entry))
      }),
    )
  })
})

describe(encodeChunk, () => {
  it('round-trips through decodeChunk, in order; damaged or missing chunks read as empty', () => {
    fc.assert(
      fc.property(fc.array(entries, { maxLength: 20 }), (list) => {
        expect(decodeChunk(encodeChunk(list.map((e) => entryJson(e))))).toEqual(list)
      }),
    )
    expect(decodeChunk(undefined)).toEqual([])
    expect(decodeChunk('[{"type":')).toEqual([])
    expect(decodeChunk('{"type":"message"}')).toEqual([])
  })
})
