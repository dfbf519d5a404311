import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createMessage, type Diagnostic } from '../../shared/protocol/protocol'
import type { BufferEntry } from '../messaging/extension-messages'
import { MemoryStorage } from './buffer-storage'
import { DEFAULT_LIMITS, type BufferLimits } from './buffer-limits'
import { TabBuffers, type CommitUpdate } from './tab-buffers'

const hold = (sid: string, seq: number, reason = ''): Diagnostic => createMessage(sid, seq, 'hold', { action: 'held', held: seq, reason }, 1000 + seq)
const messagesOf = (entries: BufferEntry[]) => entries.flatMap((e) => (e.type === 'message' ? [e.message] : []))
const keysOf = (entries: BufferEntry[]) => messagesOf(entries).map((m) => `${m.sid}:${m.seq}`)
const small: BufferLimits = { ...DEFAULT_LIMITS, tabMessages: 50, chunkEntries: 10 }

function setup(limits = DEFAULT_LIMITS) {
  const storage = new MemoryStorage()
  const commits: CommitUpdate[] = []
  let clock = 0
  const make = () => new TabBuffers(storage, limits, (u) => commits.push(u), () => ++clock)
  return { storage, commits, make, buffers: make() }
}

describe(TabBuffers, () => {
  it('stores a batch once, marks the navigation, and ignores replays and invalid messages', async () => {
    const { buffers } = setup()
    const batch = [hold('a', 0), hold('a', 1), { source: 'consent-guard', kind: 'probe' }]
    expect(await buffers.append(7, 'page-1', 'http://127.0.0.1/shop', batch)).toEqual({ added: 3 })
    expect(await buffers.append(7, 'page-1', 'http://127.0.0.1/shop', [hold('a', 1), hold('a', 0), hold('a', 2)])).toEqual({ added: 1 })
    const { entries } = await buffers.read(7)
    expect(entries[0]).toMatchObject({ type: 'navigation', url: 'http://127.0.0.1/shop', pageId: 'page-1' })
    expect(keysOf(entries)).toEqual(['a:0', 'a:1', 'a:2'])
  })

  it('dedupes per tab: the same (sid, seq) in two tabs is two messages', async () => {
    const { buffers } = setup()
    await buffers.append(1, 'p', 'u', [hold('s', 0)])
    await buffers.append(2, 'p', 'u', [hold('s', 0)])
    expect(keysOf((await buffers.read(1)).entries)).toEqual(['s:0'])
    expect(keysOf((await buffers.read(2)).entries)).toEqual(['s:0'])
  })

  it('adds a navigation marker when a new page starts sending', async () => {
    const { buffers } = setup()
    await buffers.append(1, 'p1', 'http://a/', [hold('s1', 0)])
    await buffers.append(1, 'p2', 'http://b/', [hold('s2', 0)])
    const { entries } = await buffers.read(1)
    expect(entries.map((e) => (e.type === 'navigation' ? e.url : `${e.message.sid}`))).toEqual(['http://a/', 's1', 'http://b/', 's2'])
  })

  it('survives a restart: a new instance on the same storage keeps everything and still dedupes', async () => {
    const { make, buffers } = setup(small)
    for (let i = 0; i < 25; i++) await buffers.append(3, 'p', 'u', [hold('s', i)])
    const restarted = make()
    expect(await restarted.append(3, 'p', 'u', [hold('s', 24), hold('s', 25)])).toEqual({ added: 1 })
    expect(keysOf((await restarted.read(3)).entries)).toEqual(Array.from({ length: 26 }, (_, i) => `s:${i}`))
  })

  it('loses nothing when appends are not awaited (writes are serialized per tab)', async () => {
    const { buffers } = setup(small)
    await Promise.all(Array.from({ length: 40 }, (_, i) => buffers.append(1, 'p', 'u', [hold('s', i)])))
    expect(keysOf((await buffers.read(1)).entries)).toEqual(Array.from({ length: 40 }, (_, i) => `s:${i}`))
  })

  it('keeps at most tabMessages, drops the oldest and counts them', async () => {
    const { buffers } = setup(small)
    const all = Array.from({ length: 137 }, (_, i) => hold('s', i))
    for (let i = 0; i < all.length; i += 7) await buffers.append(1, 'p', 'u', all.slice(i, i + 7))
    const { entries, dropped } = await buffers.read(1)
    const kept = messagesOf(entries)
    expect(kept.length).toBeLessThanOrEqual(small.tabMessages)
    expect(kept.length + dropped).toBe(137)
    // What is kept is the newest, in order.
    expect(kept.map((m) => m.seq)).toEqual(Array.from({ length: kept.length }, (_, i) => 137 - kept.length + i))
  })

  it('bounds bytes per tab and over all tabs, oldest first', async () => {
    const limits: BufferLimits = { ...DEFAULT_LIMITS, tabBytes: 40_000, totalBytes: 60_000, chunkEntries: 5 }
    const { buffers, storage } = setup(limits)
    const big = (sid: string, seq: number) => hold(sid, seq, 'x'.repeat(1000))
    for (let i = 0; i < 60; i++) await buffers.append(1, 'p', 'u', [big('a', i)])
    for (let i = 0; i < 60; i++) await buffers.append(2, 'p', 'u', [big('b', i)])
    const [one, two] = [await buffers.read(1), await buffers.read(2)]
    const bytes = (e: BufferEntry[]) => e.reduce((n, x) => n + JSON.stringify(x).length, 0)
    expect(bytes(one.entries)).toBeLessThanOrEqual(40_000)
    expect(bytes(two.entries)).toBeLessThanOrEqual(40_000)
    // The global cap took tab 1's older chunks (the oldest data), not tab 2's new ones.
    expect(bytes(one.entries) + bytes(two.entries)).toBeLessThanOrEqual(60_000 + 5 * 1100)
    expect(one.dropped).toBeGreaterThan(two.dropped)
    expect(messagesOf(one.entries).length + one.dropped).toBe(60)
    expect(messagesOf(two.entries).length + two.dropped).toBe(60)
    // Evicted chunks are really gone from storage.
    const live = [...storage.data.keys()].filter((k) => k.startsWith('chunk:'))
    expect(live.length).toBe(Math.ceil(messagesOf(one.entries).length / 5) + Math.ceil(messagesOf(two.entries).length / 5))
  })

  it('fails a batch whose tab buffer cannot be read, rather than leaving it waiting, and stores it when sent again', async () => {
    const { storage, make } = setup()
    const read = storage.get.bind(storage)
    storage.get = () => Promise.reject(new Error('storage unavailable'))
    const buffers = make()
    await expect(buffers.append(1, 'p', 'u', [hold('s', 0)])).rejects.toThrow(/storage unavailable/)
    storage.get = read
    const again = make()
    await again.append(1, 'p', 'u', [hold('s', 0)])
    expect(keysOf((await again.read(1)).entries)).toContain('s:0')
  })

  it('rolls back a failed write so the retried batch is stored, not taken for a duplicate', async () => {
    const { buffers, storage } = setup()
    await buffers.append(1, 'p', 'u', [hold('s', 0)])
    storage.failNextSet = true
    await expect(buffers.append(1, 'p', 'u', [hold('s', 1)])).rejects.toThrow(/quota/)
    expect(await buffers.append(1, 'p', 'u', [hold('s', 1)])).toEqual({ added: 1 })
    expect(keysOf((await buffers.read(1)).entries)).toEqual(['s:0', 's:1'])
  })

  it('fits a 10,000-message flood into Chrome’s 10 MiB session quota without a failed write', async () => {
    const { buffers, storage } = setup()
    storage.quotaBytes = 10 * 1024 * 1024
    const big = (seq: number) => hold('flood', seq, 'y'.repeat(800))
    for (let i = 0; i < 10_000; i += 500) await buffers.append(1, 'p', 'u', Array.from({ length: 500 }, (_, k) => big(i + k)))
    const { entries, dropped } = await buffers.read(1)
    expect(messagesOf(entries).length).toBeLessThanOrEqual(5000)
    expect(messagesOf(entries).length + dropped).toBe(10_000)
    expect(storage.bytes()).toBeLessThanOrEqual(storage.quotaBytes)
  })

  it('makes progress when the quota is smaller than its own caps: a retried batch gets in', async () => {
    const { buffers, storage } = setup({ ...DEFAULT_LIMITS, chunkEntries: 10 })
    storage.quotaBytes = 60_000
    const big = (seq: number) => hold('q', seq, 'z'.repeat(500))
    let failures = 0
    for (let i = 0; i < 400; i += 20) {
      const batch = Array.from({ length: 20 }, (_, k) => big(i + k))
      // What the relay does: retry an unacknowledged batch.
      for (let attempt = 0; ; attempt++) {
        try {
          await buffers.append(1, 'p', 'u', batch)
          break
        } catch {
          failures++
          expect(attempt).toBeLessThan(5)
        }
      }
    }
    const { entries, dropped } = await buffers.read(1)
    expect(failures).toBeGreaterThan(0)
    expect(messagesOf(entries).length + dropped).toBe(400)
    expect(messagesOf(entries).at(-1)?.seq).toBe(399)
  })

  it('stores batches sent as JSON text (as relays send them) like decoded ones, counting exact UTF-8 bytes', async () => {
    const text = (seq: number) => JSON.stringify(hold('t', seq, `café ☕ ${'€'.repeat(seq)}`))
    const asText = setup(small)
    const asObjects = setup(small)
    for (let i = 0; i < 30; i += 6) {
      const seqs = Array.from({ length: 6 }, (_, k) => i + k)
      // What a relay forwards unchecked (it checks envelopes only) is dropped here: broken JSON, a bad field.
      const badField = JSON.stringify({ ...hold('t', 1000 + i), held: 'many' })
      await asText.buffers.append(1, 'p', 'u', [...seqs.map(text), '{"broken":', 'not json', badField])
      await asObjects.buffers.append(1, 'p', 'u', seqs.map((seq) => JSON.parse(text(seq)) as unknown))
    }
    // A restart in between: the newest chunk is read back from storage and appended to.
    const restarted = asText.make()
    await restarted.append(1, 'p', 'u', [text(30)])
    await asObjects.buffers.append(1, 'p', 'u', [JSON.parse(text(30)) as unknown])
    const [fromText, fromObjects] = [await restarted.read(1), await asObjects.buffers.read(1)]
    expect(fromText.entries).toEqual(fromObjects.entries)
    expect(keysOf(fromText.entries)).toEqual(Array.from({ length: 31 }, (_, i) => `t:${i}`))
    // What the bookkeeping counts is what storage holds, byte for byte.
    const stored = [...asText.storage.data].filter(([k]) => k.startsWith('chunk:')).flatMap(([, v]) => JSON.parse(v as string) as unknown[])
    const utf8 = stored.reduce<number>((n, e) => n + new TextEncoder().encode(JSON.stringify(e)).length, 0)
    expect((await restarted.list())[0].bytes).toBe(utf8)
    expect((await asObjects.buffers.list())[0].bytes).toBe(utf8)
  })

  it('takes a 10,000-message flood as JSON text batches of 500: keeps the newest within the caps, counts every one dropped', async () => {
    const { buffers } = setup()
    const text = (seq: number) => JSON.stringify(hold('flood', seq, 'y'.repeat(300)))
    for (let i = 0; i < 10_000; i += 500) {
      const added = await buffers.append(1, 'p', 'u', Array.from({ length: 500 }, (_, k) => text(i + k)), { batch: i / 500, floor: i / 500 })
      expect(added.added).toBe(i === 0 ? 501 : 500)
    }
    const [{ count, dropped, bytes }] = await buffers.list()
    expect(count).toBeLessThanOrEqual(DEFAULT_LIMITS.tabMessages)
    expect(bytes).toBeLessThanOrEqual(DEFAULT_LIMITS.tabBytes)
    expect(count + dropped).toBe(10_000)
    const kept = messagesOf((await buffers.read(1)).entries).map((m) => m.seq)
    expect(kept).toEqual(Array.from({ length: count }, (_, i) => 10_000 - count + i))
  })

  it('clears a tab but keeps the seen set, and removes a closed tab entirely', async () => {
    const { buffers, storage } = setup()
    await buffers.append(1, 'p', 'u', [hold('s', 0)])
    await buffers.clear(1)
    expect(await buffers.append(1, 'p', 'u', [hold('s', 0), hold('s', 1)])).toEqual({ added: 1 })
    expect(keysOf((await buffers.read(1)).entries)).toEqual(['s:1'])
    await buffers.remove(1)
    expect((await buffers.read(1)).entries).toEqual([])
    expect([...storage.data.keys()].filter((k) => k.startsWith('chunk:'))).toEqual([])
    expect(await buffers.list()).toEqual([])
  })

  it('reports commits for live updates, and the tab list for extension pages', async () => {
    const { buffers, commits } = setup()
    await buffers.append(4, 'p', 'http://x/', [hold('s', 0)])
    await buffers.append(4, 'p', 'http://x/', [hold('s', 0)])
    expect(commits).toHaveLength(1)
    expect(commits[0]).toMatchObject({ tabId: 4, dropped: 0 })
    expect(commits[0].entries.map((e) => e.type)).toEqual(['navigation', 'message'])
    expect(await buffers.list()).toEqual([{ tabId: 4, url: 'http://x/', count: 1, dropped: 0, bytes: expect.any(Number) }])
  })

  it('never loses, duplicates or miscounts under any interleaving of batches, evictions and restarts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ tab: fc.integer({ min: 1, max: 3 }), seqs: fc.array(fc.nat(40), { maxLength: 8 }), restart: fc.boolean(), wait: fc.boolean() }), { maxLength: 25 }),
        fc.boolean(),
        async (steps, tight) => {
          // Tight limits make both the per-tab and the all-tabs caps evict.
          const limits = tight ? { ...DEFAULT_LIMITS, chunkEntries: 4, tabMessages: 12, totalBytes: 6_000 } : { ...DEFAULT_LIMITS, chunkEntries: 4 }
          const { make } = setup(limits)
          let buffers = make()
          const sent = new Map<number, Set<number>>()
          let pending: Promise<unknown>[] = []
          for (const step of steps) {
            if (step.restart) {
              await Promise.all(pending)
              pending = []
              buffers = make()
            }
            const p = buffers.append(step.tab, 'p', 'u', step.seqs.map((s) => hold('s', s)))
            pending.push(p)
            if (step.wait) await p
            for (const s of step.seqs) (sent.get(step.tab) ?? sent.set(step.tab, new Set()).get(step.tab)!).add(s)
          }
          await Promise.all(pending)
          for (const [tab, seqs] of sent) {
            const { entries, dropped } = await buffers.read(tab)
            const got = messagesOf(entries).map((m) => m.seq)
            expect(new Set(got).size).toBe(got.length)
            expect(got.length + dropped).toBe(seqs.size)
            for (const seq of got) expect(seqs.has(seq)).toBe(true)
            if (!tight) expect(new Set(got)).toEqual(seqs)
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})
