/**
 * Per-tab message buffers in chrome.storage.session (SPEC section 6).
 *
 * - Every operation on a tab runs on that tab's promise chain, so a
 *   read-modify-write of its newest chunk never races another.
 * - Bookkeeping for all tabs is one storage key, always written from the
 *   in-memory copy in the same `set` as the chunk it describes. An operation
 *   works on a copy of its tab's bookkeeping and swaps it in synchronously
 *   just before issuing the write, so storage only ever sees states that
 *   existed here, in issue order. The all-tabs cap is applied by scheduling
 *   the eviction on the victim tab's own chain.
 * - Nothing lives only in memory: after a worker restart `ready()` reloads
 *   the bookkeeping and the newest chunk is read back on demand.
 * - A chunk is stored as one JSON string: Chrome counts storage.session
 *   quota by its in-memory value size, several times the JSON size for
 *   objects but about the length for a string, so the byte caps hold.
 */
import { utf8Bytes } from '../../shared/protocol/limits'
import { parseUntrustedMessage } from '../../shared/protocol/parse-message'
import type { BufferEntry, TabSummary } from '../messaging/extension-messages'
import type { BufferStorage } from './buffer-storage'
import { DEFAULT_LIMITS, type BufferLimits } from './buffer-limits'
import { evictOldest, evictWithinTab, planGlobalEviction } from './eviction'
import { byteCount, chunkKey, markSeen, messageCount, META_KEY, newMeta, type TabMeta } from './tab-meta'

/** What one commit changed for one tab, for live updates to panels. */
export interface CommitUpdate {
  tabId: number
  entries: BufferEntry[]
  dropped: number
}

interface OpenChunk {
  n: number
  entries: BufferEntry[]
}

export class TabBuffers {
  private metas = new Map<number, TabMeta>()
  private loaded: Promise<void> | undefined
  private chains = new Map<number, Promise<unknown>>()
  private open = new Map<number, OpenChunk>()

  constructor(
    private readonly storage: BufferStorage,
    private readonly limits: BufferLimits = DEFAULT_LIMITS,
    private readonly onCommit: (update: CommitUpdate) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Loads the bookkeeping once per worker life. */
  ready(): Promise<void> {
    this.loaded ??= this.storage.get([META_KEY]).then((got) => {
      const stored = (got[META_KEY] ?? {}) as Record<string, TabMeta>
      for (const meta of Object.values(stored)) this.metas.set(meta.tabId, meta)
    })
    return this.loaded
  }

  /** Runs `op` after every earlier operation on the same tab. */
  private enqueue<T>(tabId: number, op: () => Promise<T>): Promise<T> {
    const result = (this.chains.get(tabId) ?? Promise.resolve()).then(() => this.ready()).then(op)
    const tail = result.catch(() => undefined)
    this.chains.set(tabId, tail)
    void tail.then(() => {
      if (this.chains.get(tabId) === tail) this.chains.delete(tabId)
    })
    return result
  }

  /** Validates, dedupes and stores a relay batch; resolves once it is in storage. */
  append(tabId: number, pageId: string, url: string, messages: unknown[]): Promise<{ added: number }> {
    return this.enqueue(tabId, async () => {
      // Work on a copy: other tabs' commits snapshot `metas` meanwhile, and
      // must not store our seen-seqs before our chunk is written.
      const before = this.metas.get(tabId)
      const meta = before ? structuredClone(before) : newMeta(tabId)
      const time = this.now()
      const fresh: BufferEntry[] = []
      if (meta.pageId !== pageId) {
        fresh.push({ type: 'navigation', url, time, pageId })
        meta.pageId = pageId
        meta.url = url
      }
      for (const raw of messages) {
        const message = parseUntrustedMessage(raw)
        if (message && markSeen(meta, message.sid, message.seq, this.limits.sidsPerTab)) {
          fresh.push({ type: 'message', message, receivedAt: time })
        }
      }
      if (fresh.length === 0) return { added: 0 }

      let open = await this.openChunk(tabId, meta)
      const touched = new Map<number, BufferEntry[]>()
      for (const entry of fresh) {
        const bytes = utf8Bytes(JSON.stringify(entry))
        let info = meta.chunks.at(-1)
        if (!open || !info || open.entries.length >= this.limits.chunkEntries || (open.entries.length > 0 && info.bytes + bytes > this.limits.chunkBytes)) {
          info = { n: meta.nextChunk++, messages: 0, entries: 0, bytes: 0, firstTime: time }
          meta.chunks.push(info)
          open = { n: info.n, entries: [] }
        }
        open.entries.push(entry)
        info.entries++
        info.bytes += bytes
        if (entry.type === 'message') info.messages++
        touched.set(open.n, open.entries)
      }
      const stale = new Set(evictWithinTab(meta, this.limits))
      this.metas.set(tabId, meta)
      const writes: Record<string, unknown> = {}
      for (const [n, entries] of touched) if (!stale.has(chunkKey(tabId, n))) writes[chunkKey(tabId, n)] = JSON.stringify(entries)
      try {
        // Both issued now, in this order (storage applies them in order):
        // evicted chunks go first, so the write never needs room for both.
        // Killed in between, the bookkeeping names a few missing chunks: they
        // read as empty, and they were being dropped anyway.
        const removing = stale.size > 0 ? this.storage.remove([...stale]) : Promise.resolve()
        const setting = this.storage.set({ ...writes, [META_KEY]: this.snapshot() })
        await Promise.all([removing, setting])
      } catch (error) {
        // Put memory back as it was, so a retry of this batch is not mistaken for a duplicate.
        if (before) this.metas.set(tabId, before)
        else this.metas.delete(tabId)
        this.open.delete(tabId)
        // Over Chrome's quota despite our caps (its accounting is not ours):
        // make room now, so the relay's retry of this batch can succeed.
        this.shrink()
        throw error
      }
      this.open.set(tabId, open!)
      this.onCommit({ tabId, entries: fresh, dropped: meta.dropped })
      for (const [victim, count] of planGlobalEviction(this.metas.values(), this.limits)) void this.evict(victim, count).catch(() => undefined)
      return { added: fresh.length }
    })
  }

  /** Drops a tab's oldest chunks for the all-tabs bound, on that tab's chain. */
  private evict(tabId: number, count: number): Promise<void> {
    return this.enqueue(tabId, async () => {
      const current = this.metas.get(tabId)
      if (!current) return
      const meta = structuredClone(current)
      const keys = evictOldest(meta, count)
      if (keys.length === 0) return
      this.metas.set(tabId, meta)
      try {
        await Promise.all([this.storage.set({ [META_KEY]: this.snapshot() }), this.storage.remove(keys)])
      } catch (error) {
        this.metas.set(tabId, current)
        throw error
      }
      this.onCommit({ tabId, entries: [], dropped: meta.dropped })
    })
  }

  /** The newest chunk, copied so a failed write leaves the cache untouched. */
  private async openChunk(tabId: number, meta: TabMeta): Promise<OpenChunk | undefined> {
    const last = meta.chunks.at(-1)
    if (!last) return undefined
    const cached = this.open.get(tabId)
    if (cached && cached.n === last.n) return { n: last.n, entries: [...cached.entries] }
    const key = chunkKey(tabId, last.n)
    const got = await this.storage.get([key])
    return { n: last.n, entries: decodeChunk(got[key]) }
  }

  /** Schedules dropping the globally oldest chunk (on its tab's chain), to make room under Chrome's quota. */
  private shrink(): void {
    let victim: TabMeta | undefined
    for (const meta of this.metas.values()) {
      if (meta.chunks.length >= 2 && (!victim || meta.chunks[0].firstTime < victim.chunks[0].firstTime)) victim = meta
    }
    if (victim) void this.evict(victim.tabId, 1).catch(() => undefined)
  }

  /**
   * Everything stored for a tab. `then` runs inside the tab's chain, right
   * after the read: a panel registered there misses no commit and sees none twice.
   */
  read<T = void>(tabId: number, then?: (entries: BufferEntry[], dropped: number) => T): Promise<{ entries: BufferEntry[]; dropped: number }> {
    return this.enqueue(tabId, async () => {
      const meta = this.metas.get(tabId)
      const keys = meta ? meta.chunks.map((c) => chunkKey(tabId, c.n)) : []
      const got = keys.length > 0 ? await this.storage.get(keys) : {}
      const entries = keys.flatMap((k) => decodeChunk(got[k]))
      const dropped = this.metas.get(tabId)?.dropped ?? 0
      then?.(entries, dropped)
      return { entries, dropped }
    })
  }

  /** Empties a tab's buffer; keeps what was seen, so a replayed backlog does not come back. */
  clear(tabId: number): Promise<void> {
    return this.enqueue(tabId, async () => {
      const meta = this.metas.get(tabId)
      if (!meta) return
      const keys = meta.chunks.map((c) => chunkKey(tabId, c.n))
      meta.chunks = []
      meta.dropped = 0
      this.open.delete(tabId)
      await this.storage.set({ [META_KEY]: this.snapshot() })
      if (keys.length > 0) await this.storage.remove(keys)
    })
  }

  /** Forgets a closed tab entirely. */
  remove(tabId: number): Promise<void> {
    return this.enqueue(tabId, async () => {
      const meta = this.metas.get(tabId)
      if (!meta) return
      this.metas.delete(tabId)
      this.open.delete(tabId)
      await this.storage.set({ [META_KEY]: this.snapshot() })
      await this.storage.remove(meta.chunks.map((c) => chunkKey(tabId, c.n)))
    })
  }

  async list(): Promise<TabSummary[]> {
    await this.ready()
    return [...this.metas.values()].map((m) => ({ tabId: m.tabId, url: m.url, count: messageCount(m), dropped: m.dropped, bytes: byteCount(m) }))
  }

  async tabIds(): Promise<number[]> {
    await this.ready()
    return [...this.metas.keys()]
  }

  private snapshot(): Record<string, TabMeta> {
    return Object.fromEntries([...this.metas].map(([id, meta]) => [String(id), meta]))
  }
}

/** A stored chunk back to entries; a missing or damaged chunk reads as empty. */
function decodeChunk(value: unknown): BufferEntry[] {
  if (typeof value !== 'string') return []
  try {
    const entries: unknown = JSON.parse(value)
    return Array.isArray(entries) ? (entries as BufferEntry[]) : []
  } catch {
    return []
  }
}
