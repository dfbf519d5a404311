/**
 * Service worker entry: wires browser events to the buffers and the panel
 * ports. Listeners are registered synchronously at top level so a restarted
 * worker gets the event that woke it; all state is in storage.session.
 */
import browser from 'webextension-polyfill'
import { isPanelRequest, PANEL_PORT_NAME } from '../messaging/extension-messages'
import { portAdapter, type PortLike } from '../messaging/message-adapter'
import { PanelPorts } from './panel-ports'
import { TabBuffers } from './tab-buffers'
import { handleRuntimeMessage } from './runtime-messages'

const ports = new PanelPorts(() => buffers)
const buffers = new TabBuffers(browser.storage.session, undefined, (update) => ports.broadcast(update))

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  handleRuntimeMessage(message, sender, buffers, browser.runtime.id, browser.runtime.getURL('')),
)

browser.runtime.onConnect.addListener((port) => {
  // Only our own extension pages (the DevTools panel, panel.html in a tab) may subscribe.
  if (port.name !== PANEL_PORT_NAME || port.sender?.id !== browser.runtime.id || !isExtensionUrl(port.sender?.url)) {
    port.disconnect()
    return
  }
  const cleanup = ports.connect(portAdapter(port as unknown as PortLike, isPanelRequest))
  port.onDisconnect.addListener(cleanup)
})

browser.tabs.onRemoved.addListener((tabId) => void buffers.remove(tabId))

// Tabs closed while the worker was not running: forget their buffers now.
void buffers.tabIds().then((ids) => {
  for (const id of ids) browser.tabs.get(id).catch(() => buffers.remove(id))
})

function isExtensionUrl(url: string | undefined): boolean {
  return url !== undefined && url.startsWith(browser.runtime.getURL(''))
}

