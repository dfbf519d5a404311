/**
 * Panel entry: the DevTools panel, or panel.html?tabId=N in a tab (then
 * chrome.devtools is undefined and the tab id comes from the query string).
 * Only this file touches chrome.* and the polyfill; the app gets a PanelEnv.
 */
import browser from 'webextension-polyfill'
import { isWorkerUpdate, PANEL_PORT_NAME, type TabSummary } from '../messaging/extension-messages'
import { portAdapter, type PortLike } from '../messaging/message-adapter'
import { createPanelApp } from './panel-app'
import { followTheme } from './ui/theme'

const devtools = typeof chrome !== 'undefined' && chrome.devtools?.inspectedWindow ? chrome.devtools : undefined
const query = new URLSearchParams(location.search).get('tabId')
const queryTab = query !== null && /^\d+$/.test(query) ? Number(query) : undefined
const PRESERVE_KEY = 'consent-guard:preserve-log'

followTheme(document.documentElement, devtools?.panels)

createPanelApp(document.getElementById('app')!, {
  tabId: devtools ? devtools.inspectedWindow.tabId : queryTab,
  openPort(onClose) {
    const port = browser.runtime.connect({ name: PANEL_PORT_NAME })
    port.onDisconnect.addListener(onClose)
    return { channel: portAdapter(port as unknown as PortLike, isWorkerUpdate), close: () => port.disconnect() }
  },
  listTabs: devtools ? undefined : () => browser.runtime.sendMessage({ type: 'list-tabs' }) as Promise<TabSummary[]>,
  network: devtools?.network as never,
  toolVersion: browser.runtime.getManifest().version,
  download(fileName, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    const a = document.createElement('a')
    a.href = url
    a.download = fileName
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  },
  preserveLog: {
    get: () => localStorage.getItem(PRESERVE_KEY) === '1',
    set: (on) => localStorage.setItem(PRESERVE_KEY, on ? '1' : '0'),
  },
})
