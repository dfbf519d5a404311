/**
 * Live updates to open panels. A panel subscribes to one tab over its port;
 * it is registered inside that tab's chain right after its snapshot is read
 * (see TabBuffers.read), so it misses no commit and gets none twice.
 */
import type { MessageAdapter } from '../messaging/message-adapter'
import type { PanelRequest, WorkerUpdate } from '../messaging/extension-messages'
import type { CommitUpdate, TabBuffers } from './tab-buffers'

type PanelChannel = MessageAdapter<PanelRequest, WorkerUpdate>

export class PanelPorts {
  private readonly byTab = new Map<number, Set<PanelChannel>>()

  constructor(private readonly buffers: () => TabBuffers) {}

  /** Wires one connected panel; returns the cleanup to run on disconnect. */
  connect(channel: PanelChannel): () => void {
    let tab: number | undefined
    const leave = () => {
      if (tab !== undefined) this.byTab.get(tab)?.delete(channel)
      tab = undefined
    }
    const stop = channel.addListener((request) => {
      if (request.type === 'subscribe') {
        leave()
        const tabId = request.tabId
        void this.buffers().read(tabId, (entries, dropped) => {
          tab = tabId
          let set = this.byTab.get(tabId)
          if (!set) this.byTab.set(tabId, (set = new Set()))
          set.add(channel)
          channel.postMessage({ type: 'snapshot', tabId, entries, dropped })
        })
      } else {
        const tabId = request.tabId
        void this.buffers()
          .clear(tabId)
          .then(() => this.send(tabId, { type: 'cleared', tabId, dropped: 0 }))
      }
    })
    return () => {
      stop()
      leave()
    }
  }

  /** Called after every commit. */
  broadcast(update: CommitUpdate): void {
    this.send(update.tabId, { type: 'append', tabId: update.tabId, entries: update.entries, dropped: update.dropped })
  }

  private send(tabId: number, message: WorkerUpdate): void {
    for (const channel of this.byTab.get(tabId) ?? []) {
      try {
        channel.postMessage(message)
      } catch {
        // A panel that went away between commit and send; its disconnect cleans up.
      }
    }
  }
}
