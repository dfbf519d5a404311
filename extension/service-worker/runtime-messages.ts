/**
 * One-off runtime messages: relay batches from content scripts, and the tab
 * list for extension pages. Senders are checked: batches only from a tab's
 * top frame, the tab list only for our own extension pages.
 */
import type { TabSummary } from '../messaging/extension-messages'
import { isListTabsRequest, isRelayBatch } from '../messaging/extension-messages'
import type { TabBuffers } from './tab-buffers'

/** The parts of `runtime.MessageSender` the checks read. */
export interface SenderLike {
  id?: string
  url?: string
  origin?: string
  frameId?: number
  tab?: { id?: number }
}

/**
 * Returns the reply (a promise: the relay's send resolves only once its batch
 * is in storage, so an unacknowledged batch is retried), or undefined to
 * leave the message to other listeners.
 */
export function handleRuntimeMessage(
  message: unknown,
  sender: SenderLike,
  buffers: Pick<TabBuffers, 'append' | 'list'>,
  extensionId: string,
  /** Where the extension's own pages live (`runtime.getURL('')`): `chrome-extension://<id>/` in Chrome, `moz-extension://<uuid>/` in Firefox. */
  extensionBaseUrl = `chrome-extension://${extensionId}/`,
): Promise<{ added: number } | TabSummary[]> | undefined {
  if (sender.id !== extensionId) return undefined
  if (isRelayBatch(message)) {
    const tabId = sender.tab?.id
    if (tabId === undefined || tabId < 0 || sender.frameId !== 0 || typeof sender.url !== 'string') return undefined
    return buffers.append(tabId, message.pageId, sender.url.slice(0, 4096), message.messages.split('\n'), { batch: message.batch, floor: message.floor })
  }
  if (isListTabsRequest(message)) {
    if (sender.tab !== undefined && !(sender.url ?? '').startsWith(extensionBaseUrl)) return undefined
    return buffers.list()
  }
  return undefined
}
