/**
 * Composes the panel: stores first, then views that read them, wired to
 * re-render (at most once per frame) when the stores change. Everything that
 * touches chrome.* comes in through `PanelEnv`, so tests build the whole
 * panel with an in-memory worker.
 */
import type { TabSummary } from '../messaging/extension-messages'
import { createTimelineView } from './consent-timeline/timeline-view'
import { LiveConnection, type OpenPort } from './connection/live-connection'
import { createDestinationsView } from './destinations/destinations-view'
import { createEventDetail } from './event-detail/event-detail-view'
import { createEventList } from './event-list/event-list-view'
import { createFilterBar } from './event-list/filter-bar'
import { createNetworkView } from './network-check/network-view'
import { NetworkSource, type DevtoolsNetworkLike } from './network-check/network-source'
import { exportSession, importSession, sessionFileName } from './session/session-transfer'
import { EventIndex } from './stores/event-index'
import { FilterStore } from './stores/filter-store'
import { ListModel } from './stores/list-model'
import { SelectionStore } from './stores/selection-store'
import { SessionStore } from './stores/session-store'
import { VersionStore } from './stores/version-store'
import { createToolbar } from './toolbar/toolbar-view'
import { h } from './ui/dom'
import { frameScheduler } from './ui/schedule'
import { createVersionBanner } from './version-banner/version-banner-view'
import { createViewTabs, type ViewTab } from './ui/view-tabs'
import { EventContexts } from './what-if/event-contexts'
import { WhatIfStore } from './what-if/what-if-store'
import { createWhatIfView } from './what-if/what-if-view'

export interface PanelEnv {
  openPort: OpenPort
  /** The inspected tab (DevTools) or `?tabId=N`; undefined shows the tab picker only. */
  tabId?: number
  /** Standalone page mode: the tab picker. */
  listTabs?: () => Promise<TabSummary[]>
  /** chrome.devtools.network, in the DevTools panel only. */
  network?: DevtoolsNetworkLike
  toolVersion: string
  /** The diagnostics protocol version this panel speaks. @default PROTOCOL_VERSION (tests pass another) */
  protocolVersion?: number
  download(fileName: string, text: string): void
  preserveLog?: { get(): boolean; set(on: boolean): void }
}

export function createPanelApp(root: HTMLElement, env: PanelEnv) {
  const session = new SessionStore()
  session.preserveLog = env.preserveLog?.get() ?? false
  const index = new EventIndex(session)
  const filter = new FilterStore()
  const model = new ListModel(index, filter)
  const selection = new SelectionStore()
  const whatIf = new WhatIfStore()
  const versions = new VersionStore(session, env.protocolVersion)
  const connection = new LiveConnection(env.openPort, session)
  const network = env.network ? new NetworkSource(env.network, () => session.preserveLog) : undefined

  const filterBar = createFilterBar(filter, model)
  const list = createEventList(model, selection)
  const detail = createEventDetail(index, selection, createWhatIfView(whatIf, index, new EventContexts(session)))
  const eventsPanel = h('div', { class: 'events-view' }, filterBar.element, h('div', { class: 'split' }, list.element, detail.element))
  const timeline = createTimelineView(session)
  const destinations = createDestinationsView(session, index)

  const views: ViewTab[] = [
    { id: 'events', label: 'Events', panel: eventsPanel, render: () => (filterBar.update(), list.render(), detail.render()) },
    { id: 'consent', label: 'Consent timeline', panel: timeline.element, render: timeline.render },
    { id: 'destinations', label: 'Destinations', panel: destinations.element, render: destinations.render },
  ]
  if (network) {
    const view = createNetworkView(session, network)
    views.push({ id: 'network', label: 'Network check', panel: view.element, render: view.render })
  }
  let shown = views[0].id
  const renderView = () => views.find((v) => v.id === shown)?.render()
  const tabs = createViewTabs(views, (id) => {
    shown = id
    network?.poll(id === 'network')
    renderView()
  })

  const toolbar = createToolbar({
    session,
    connection,
    listTabs: env.listTabs,
    onPickTab: (tabId) => connection.watch(tabId),
    onPreserveLog: (on) => {
      session.setPreserveLog(on)
      env.preserveLog?.set(on)
    },
    onClear: () => {
      selection.select(undefined)
      network?.clear()
      connection.state === 'imported' ? session.clear() : connection.clear()
    },
    onExport: () => {
      const file = exportSession(session, env.toolVersion)
      env.download(sessionFileName(), JSON.stringify(file, null, 1))
      toolbar.notify(`Exported ${file.messages.length} messages.`, false)
    },
    onImport: (file) => {
      void file.text().then((text) => {
        const result = importSession(session, text)
        if (!result.ok) return toolbar.notify(`Could not import ${file.name}: ${result.error}`, true)
        selection.select(undefined)
        connection.showImported()
        toolbar.notify(`Imported ${result.messages} messages from ${file.name}${result.rejected ? ` (${result.rejected} invalid ones skipped)` : ''}.`, false)
      })
    },
    onBackToLive: () => {
      if (connection.tabId !== undefined) connection.watch(connection.tabId)
      toolbar.notify('', false)
    },
  })

  const banner = createVersionBanner(versions)
  const scheduleView = frameScheduler(renderView)
  const scheduleToolbar = frameScheduler(() => (toolbar.render(), banner.render()))
  index.changed.add(scheduleView)
  model.changed.add(scheduleView)
  selection.changed.add(scheduleView)
  whatIf.changed.add(scheduleView)
  network?.changed.add(scheduleView)
  session.meta.add(scheduleToolbar)
  connection.changed.add(scheduleToolbar)
  versions.changed.add(scheduleToolbar)

  root.replaceChildren(h('div', { class: 'app' }, toolbar.element, banner.element, tabs.element, ...tabs.panels))
  toolbar.render()
  banner.render()
  renderView()
  if (env.tabId !== undefined) connection.watch(env.tabId)
  return { session, index, filter, model, selection, whatIf, connection, versions, tabs, renderNow: () => (toolbar.render(), banner.render(), renderView()) }
}
