/**
 * Collects HAR entries from `chrome.devtools.network` (DevTools panel only):
 * the HAR so far, then each finished request. Kept across navigations while
 * "preserve log" is on, like the session.
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

export class NetworkSource {
  entries: HarEntryLike[] = []
  readonly changed = new Listeners()
  private keys = new Set<string>()

  constructor(network: DevtoolsNetworkLike, preserveLog: () => boolean) {
    network.getHAR((har) => {
      // A request finishing while the HAR was read arrives both ways: keep one.
      const earlier = (har?.entries ?? []).filter((e) => !this.keys.has(keyOf(e)))
      for (const e of earlier) this.keys.add(keyOf(e))
      this.entries = [...earlier, ...this.entries]
      this.changed.emit()
    })
    network.onRequestFinished.addListener((request) => {
      if (this.keys.has(keyOf(request))) return
      this.keys.add(keyOf(request))
      this.entries.push(request)
      this.changed.emit()
    })
    network.onNavigated.addListener(() => {
      if (!preserveLog()) this.clear()
    })
  }

  clear(): void {
    this.entries = []
    this.keys.clear()
    this.changed.emit()
  }
}
