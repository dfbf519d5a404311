/**
 * Collects HAR entries from `chrome.devtools.network` (DevTools panel only):
 * the HAR so far, each finished request, and the HAR again while the network
 * check is shown. Kept across navigations while "preserve log" is on, like
 * the session.
 */
import type { HarEntryLike } from '../../../shared/network/har-entry'
import { Listeners } from '../stores/listeners'

/** The slice of `chrome.devtools.network` used here. */
export interface DevtoolsNetworkLike {
  getHAR(callback: (har: { entries: HarEntryLike[] }) => void): void
  onRequestFinished: { addListener(fn: (request: HarEntryLike) => void): void }
  onNavigated: { addListener(fn: (url: string) => void): void }
}

const keyOf = (e: HarEntryLike) => `${e.startedDateTime} ${e.request.method} ${e.request.url}`
const startOf = (e: HarEntryLike) => Date.parse(e.startedDateTime) || 0

/** How often DevTools' log is read again while the network check is on screen. */
export const REFRESH_MS = 2000

export class NetworkSource {
  entries: HarEntryLike[] = []
  readonly changed = new Listeners()
  private keys = new Set<string>()
  private polling: ReturnType<typeof setInterval> | undefined
  private clearedAt = 0
  private navigatedTo: string | undefined

  constructor(
    private readonly network: DevtoolsNetworkLike,
    preserveLog: () => boolean,
  ) {
    this.refresh()
    network.onRequestFinished.addListener((request) => this.merge([request]))
    network.onNavigated.addListener((url) => {
      if (preserveLog()) return
      // No cut-off at "now": the new page's first requests may have started before this event arrived. Its
      // document request marks where it begins, once seen (DevTools' own log may still hold the old page's
      // requests when its Network panel's "Preserve log" is on).
      this.navigatedTo = url
      this.reset(this.clearedAt)
    })
  }

  /**
   * Reads DevTools' log again and adds what is missing. `onRequestFinished`
   * alone misses requests: Chromium never fires it for a response marked
   * `no-store` whose body the page does not read (a tracking pixel's, or
   * analytics-next's own `/v1` calls), and those are the requests the check
   * is about.
   */
  refresh(): void {
    this.network.getHAR((har) => this.merge(har?.entries ?? []))
  }

  /** Reads the log again every REFRESH_MS while `on` (the network check is shown), and once at once. */
  poll(on: boolean): void {
    clearInterval(this.polling)
    this.polling = undefined
    if (!on) return
    this.refresh()
    this.polling = setInterval(() => this.refresh(), REFRESH_MS)
  }

  /** Starts over (the panel's Clear): a request DevTools still lists but that started before now stays out. */
  clear(): void {
    this.reset(Date.now())
  }

  private reset(cutOff: number): void {
    this.entries = []
    this.keys.clear()
    this.clearedAt = cutOff
    this.changed.emit()
  }

  /** After a navigation, the new page's document request: nothing that started before it belongs to this page. */
  private cutAtDocument(found: HarEntryLike[]): void {
    const documentRequest = found.filter((e) => e.request.method === 'GET' && e.request.url === this.navigatedTo).at(-1)
    if (!documentRequest) return
    this.navigatedTo = undefined
    this.clearedAt = Math.max(this.clearedAt, startOf(documentRequest))
    const kept = this.entries.filter((e) => startOf(e) >= this.clearedAt)
    if (kept.length === this.entries.length) return
    this.entries = kept
    this.changed.emit()
  }

  /** Adds the entries not seen yet (a request can arrive both ways), keeping start order. */
  private merge(found: HarEntryLike[]): void {
    if (this.navigatedTo !== undefined) this.cutAtDocument(found)
    const fresh = found.filter((e) => !this.keys.has(keyOf(e)) && startOf(e) >= this.clearedAt)
    if (fresh.length === 0) return
    for (const e of fresh) this.keys.add(keyOf(e))
    // The usual finished request is the newest: sort only when that is not so.
    const inOrder = fresh.length === 1 && (this.entries.length === 0 || startOf(fresh[0]) >= startOf(this.entries.at(-1)!))
    this.entries.push(...fresh)
    if (!inOrder) this.entries.sort((a, b) => startOf(a) - startOf(b))
    this.changed.emit()
  }
}
