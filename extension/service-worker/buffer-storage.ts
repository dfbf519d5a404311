/**
 * The storage the buffers need, as a tiny interface: production passes
 * `browser.storage.session`, tests an in-memory map that clones like the
 * real one. Keys are strings, values plain JSON.
 */
export interface BufferStorage {
  get(keys: string[]): Promise<Record<string, unknown>>
  set(items: Record<string, unknown>): Promise<void>
  remove(keys: string[]): Promise<void>
}

/** In-memory storage for tests; `failNextSet` simulates a quota error or a killed worker. */
export class MemoryStorage implements BufferStorage {
  readonly data = new Map<string, unknown>()
  failNextSet = false
  /** Every `set` and `remove` in the order issued, for asserting on write patterns. */
  readonly log: Array<{ op: 'set' | 'remove'; keys: string[] }> = []

  async get(keys: string[]): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {}
    for (const key of keys) if (this.data.has(key)) out[key] = structuredClone(this.data.get(key))
    return out
  }

  /** Set to refuse writes that would pass this many bytes (as `bytes()` counts), like Chrome's quota. */
  quotaBytes = Infinity

  async set(items: Record<string, unknown>): Promise<void> {
    this.log.push({ op: 'set', keys: Object.keys(items) })
    if (this.failNextSet) {
      this.failNextSet = false
      throw new Error('QUOTA_BYTES quota exceeded')
    }
    const next = new Map(this.data)
    for (const [key, value] of Object.entries(items)) next.set(key, structuredClone(value))
    if (MemoryStorage.measure(next) > this.quotaBytes) throw new Error('Session storage quota bytes exceeded. Values were not stored.')
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value))
  }

  async remove(keys: string[]): Promise<void> {
    this.log.push({ op: 'remove', keys })
    for (const key of keys) this.data.delete(key)
  }

  bytes(): number {
    return MemoryStorage.measure(this.data)
  }

  /**
   * Roughly as Chrome counts storage.session: by in-memory value size, so a
   * string costs about its length and an object several times its JSON.
   */
  static measure(data: Map<string, unknown>): number {
    let total = 0
    for (const [key, value] of data) total += key.length + (typeof value === 'string' ? value.length : JSON.stringify(value).length * 4)
    return total
  }
}
