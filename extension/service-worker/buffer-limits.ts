/** The buffer bounds (per tab: 5,000 messages or 4 MiB; 8 MiB in all), and the chunking that keeps writes small. */
export interface BufferLimits {
  /** Messages kept per tab. */
  tabMessages: number
  /** Serialized bytes kept per tab. */
  tabBytes: number
  /** Serialized bytes kept over all tabs (chrome.storage.session holds 10 MiB). */
  totalBytes: number
  /**
   * Entries per stored chunk. Each append rewrites only the newest chunk, so
   * a flood costs O(chunk) per write instead of O(buffer); eviction drops
   * whole oldest chunks, so a full buffer holds slightly under the cap.
   */
  chunkEntries: number
  chunkBytes: number
  /** sids whose seen-seqs are remembered per tab (oldest forgotten first). */
  sidsPerTab: number
}

export const DEFAULT_LIMITS: BufferLimits = {
  tabMessages: 5000,
  tabBytes: 4 * 1024 * 1024,
  totalBytes: 8 * 1024 * 1024,
  chunkEntries: 100,
  chunkBytes: 512 * 1024,
  sidsPerTab: 256,
}
