/**
 * Per-tab message buffers in chrome.storage.session, bounded by buffer-limits.ts.
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
 *   the bookkeeping and the newest chunk is read back on demand. The relay
 *   batches waiting for a tab are written in one `set`, each acknowledged
 *   only once that resolved, so a restart loses at most the batches being validated or written at
 *   that moment, and those are not lost either: unacknowledged, the relay
 *   sends them again (see relay-forwarder.ts), and `(sid, seq)` dedupe
 *   drops what did land. Only a page that goes away before its retry (or a
 *   relay that runs out of retries, about 4 s) loses its last batches.
 * - A chunk is stored as one JSON string: Chrome counts storage.session
 *   quota by its in-memory value size, several times the JSON size for
 *   objects but about the length for a string, so the byte caps hold. It is
 *   built from the JSON text each message arrived as (chunk-codec.ts), so a
 *   flood is not serialised again here.
 */
import { checkMessage, checkMessageText, type CheckedMessage } from '../messaging/checked-message'
import type { BufferEntry, TabSummary } from '../messaging/extension-messages'
import { collectEntries } from './batch-entries'
import { admitBatch, type BatchOrder } from './batch-order'
import type { BufferStorage } from './buffer-storage'
import { decodeChunk, encodeChunk, entryJson } from './chunk-codec'
import { fillChunks, type OpenChunk, type PlacedEntry } from './chunk-fill'
import { DEFAULT_LIMITS, type BufferLimits } from './buffer-limits'
import { evictOldest, evictWithinTab, planGlobalEviction } from './eviction'
import { byteCount, chunkKey, messageCount, META_KEY, newMeta, type TabMeta } from './tab-meta'

interface WaitingBatch {
  pageId: string
  url: string
  checked: CheckedMessage[]
  order: BatchOrder | undefined
  resolve(result: { added: number }): void
  reject(error: unknown): void
}

/** What one write adds for one tab, for live updates to panels (sent as it is written). */
export interface CommitUpdate {
  tabId: number
  entries: BufferEntry[]
  dropped: number
}

export class TabBuffers {
  private metas = new Map<number, TabMeta>()
  private loaded: Promise<void> | undefined
  private chains = new Map<number, Promise<unknown>>()
  private open = new Map<number, OpenChunk>()
  /** Relay batches checked and waiting for their tab's next write. */
  private waiting = new Map<number, WaitingBatch[]>()

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

  /**
   * Validates, dedupes and stores a relay batch; resolves once it is in
   * storage. `messages` are JSON texts (as relays send them) or decoded
   * objects; either way each passes the shared validator and the size cap.
   * With `order`, a batch that arrives before an earlier one of its page is
   * stored is refused (rejects), to be retried by the relay.
   */
  append(tabId: number, pageId: string, url: string, messages: unknown[], order?: BatchOrder): Promise<{ added: number }> {
    // Checked on arrival, outside the tab's chain: pure work that overlaps
    // the previous write.
    const checked: CheckedMessage[] = []
    for (const raw of messages) {
      const c = typeof raw === 'string' ? checkMessageText(raw) : checkMessage(raw, true)
      if (c) checked.push(c)
    }
    return new Promise((resolve, reject) => {
      let waiting = this.waiting.get(tabId)
      if (!waiting) {
        const list: WaitingBatch[] = (waiting = [])
        this.waiting.set(tabId, list)
        // Should the write fail before it settles its batches (the tab's buffer cannot be read, say), they fail
        // with it, so the relay sends them again; a batch already settled is not changed by a late reject.
        void this.enqueue(tabId, () => this.store(tabId)).catch((error: unknown) => {
          if (this.waiting.get(tabId) === list) this.waiting.delete(tabId)
          for (const batch of list) batch.reject(error)
        })
      }
      waiting.push({ pageId, url, checked, order, resolve, reject })
    })
  }

  /**
   * Stores every batch waiting for a tab in one write: during a flood,
   * batches arrive faster than a write completes, and one `set` per batch
   * made the worker's round trips to storage the slowest part of the path.
   * Each batch is admitted, deduped and acknowledged on its own.
   */
  private async store(tabId: number): Promise<void> {
    const batches = this.waiting.get(tabId) ?? []
    this.waiting.delete(tabId)
    // Work on a copy: other tabs' commits snapshot `metas` meanwhile, and
    // must not store our seen-seqs before our chunk is written.
    const before = this.metas.get(tabId)
    const meta = before ? structuredClone(before) : newMeta(tabId)
    const time = this.now()
    const admitted: Array<{ batch: WaitingBatch; added: number }> = []
    const fresh: BufferEntry[] = []
    const placed: PlacedEntry[] = []
    for (const batch of batches) {
      if (batch.order && !admitBatch(meta, batch.pageId, batch.order)) {
        batch.reject(new Error(`relay batch ${batch.order.batch} came before an earlier one was stored: refused, to be retried in order`))
        continue
      }
      const collected = collectEntries(meta, batch, time, this.limits.sidsPerTab)
      admitted.push({ batch, added: collected.fresh.length })
      fresh.push(...collected.fresh)
      placed.push(...collected.placed)
    }
    const acknowledge = () => admitted.forEach(({ batch, added }) => batch.resolve({ added }))
    if (fresh.length === 0) {
      // Nothing to write; only the batches' place changed (kept in memory,
      // stored with the next write; losing it costs a retry, not a message).
      this.metas.set(tabId, meta)
      return acknowledge()
    }

    try {
      const { open, touched } = fillChunks(meta, await this.openChunk(tabId, meta), placed, time, this.limits)
      const stale = new Set(evictWithinTab(meta, this.limits))
      this.metas.set(tabId, meta)
      const writes: Record<string, unknown> = {}
      for (const [n, chunkTexts] of touched) if (!stale.has(chunkKey(tabId, n))) writes[chunkKey(tabId, n)] = encodeChunk(chunkTexts)
      // Live panels get the batches now, while they are written: the panel works on them in parallel with the
      // write instead of after it. Should the write fail, the relay sends them again and the panel's (sid, seq)
      // dedupe drops what it already shows; a panel subscribing now reads its snapshot after this operation on
      // the tab's chain, so it misses nothing and sees nothing twice.
      this.onCommit({ tabId, entries: fresh, dropped: meta.dropped })
      try {
        // Both issued now, in this order (storage applies them in order):
        // evicted chunks go first, so the write never needs room for both.
        // Killed in between, the bookkeeping names a few missing chunks: they
        // read as empty, and they were being dropped anyway.
        const removing = stale.size > 0 ? this.storage.remove([...stale]) : Promise.resolve()
        const setting = this.storage.set({ ...writes, [META_KEY]: this.snapshot() })
        await Promise.all([removing, setting])
      } catch (error) {
        // Put memory back as it was, so a retry of these batches is not mistaken for duplicates.
        if (before) this.metas.set(tabId, before)
        else this.metas.delete(tabId)
        this.open.delete(tabId)
        // Over Chrome's quota despite our caps (its accounting is not ours):
        // make room now, so the relay's retries can succeed.
        this.shrink()
        throw error
      }
      this.open.set(tabId, open)
    } catch (error) {
      for (const { batch } of admitted) batch.reject(error)
      return
    }
    acknowledge()
    for (const [victim, count] of planGlobalEviction(this.metas.values(), this.limits)) void this.evict(victim, count).catch(() => undefined)
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
    if (cached && cached.n === last.n) return { n: last.n, texts: [...cached.texts] }
    // After a restart: read back once, then it is cached again.
    const key = chunkKey(tabId, last.n)
    const got = await this.storage.get([key])
    return { n: last.n, texts: decodeChunk(got[key]).map((entry) => entryJson(entry)) }
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
