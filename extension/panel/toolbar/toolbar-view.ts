/**
 * The toolbar: tab picker (when opened as a page, not in DevTools), preserve
 * log, clear, export, import, the dropped counter and the connection state.
 * It renders state and calls back; it holds none.
 */
import type { TabSummary } from '../../messaging/extension-messages'
import type { LiveConnection } from '../connection/live-connection'
import type { SessionStore } from '../stores/session-store'
import { h } from '../ui/dom'

export interface ToolbarDeps {
  session: SessionStore
  connection: LiveConnection
  /** Present when the panel runs as a page: lists the tabs the worker has buffers for. */
  listTabs?: () => Promise<TabSummary[]>
  onPickTab(tabId: number): void
  onPreserveLog(on: boolean): void
  onClear(): void
  onExport(): void
  onImport(file: File): void
  onBackToLive(): void
}

const STATE_TEXT = { idle: 'No tab selected', connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', imported: 'Imported session' }

export function createToolbar(deps: ToolbarDeps): { element: HTMLElement; render(): void; notify(text: string, isError: boolean): void } {
  const { session, connection } = deps
  const preserve = h('input', { type: 'checkbox', id: 'preserve-log' })
  preserve.addEventListener('change', () => deps.onPreserveLog(preserve.checked))
  const clear = h('button', { type: 'button' }, 'Clear')
  clear.addEventListener('click', () => deps.onClear())
  const exportButton = h('button', { type: 'button' }, 'Export session')
  exportButton.addEventListener('click', () => deps.onExport())
  const file = h('input', { type: 'file', accept: '.json,application/json', 'aria-label': 'Import session', class: 'visually-hidden', id: 'import-file' })
  file.addEventListener('change', () => {
    const chosen = file.files?.[0]
    if (chosen) deps.onImport(chosen)
    file.value = ''
  })
  const importLabel = h('label', { for: 'import-file', class: 'button' }, 'Import…')
  const backToLive = h('button', { type: 'button', hidden: true }, 'Back to live')
  backToLive.addEventListener('click', () => deps.onBackToLive())
  const dropped = h('span', { class: 'dropped', role: 'status', 'aria-label': 'Dropped messages' })
  const state = h('span', { class: 'state', role: 'status', 'aria-label': 'Connection' })
  const notice = h('p', { class: 'notice', role: 'alert' })

  let picker: HTMLElement | null = null
  let select: HTMLSelectElement | undefined
  if (deps.listTabs) {
    const listTabs = deps.listTabs
    select = h('select', { 'aria-label': 'Inspected tab' })
    const refresh = h('button', { type: 'button', 'aria-label': 'Refresh tab list' }, '↻')
    const load = async () => {
      const tabs = await listTabs().catch(() => [])
      const current = connection.tabId
      select!.replaceChildren(
        h('option', { value: '' }, tabs.length ? 'Choose a tab…' : 'No tab has sent anything yet'),
        ...tabs.map((t) => h('option', { value: String(t.tabId) }, `${t.tabId}: ${t.url || '(no URL)'} (${t.count})`)),
      )
      select!.value = current === undefined ? '' : String(current)
    }
    select.addEventListener('change', () => {
      if (select!.value) deps.onPickTab(Number(select!.value))
    })
    refresh.addEventListener('click', () => void load())
    void load()
    picker = h('span', { class: 'picker' }, select, refresh)
  }

  const element = h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'Session' },
    picker,
    h('label', { class: 'check' }, preserve, ' Preserve log'),
    clear,
    exportButton,
    file,
    importLabel,
    backToLive,
    dropped,
    state,
    notice,
  )
  return {
    element,
    render() {
      preserve.checked = session.preserveLog
      dropped.textContent = `${session.dropped} dropped`
      dropped.classList.toggle('has-dropped', session.dropped > 0)
      state.textContent = STATE_TEXT[connection.state]
      state.dataset.state = connection.state
      backToLive.hidden = connection.state !== 'imported' || connection.tabId === undefined
      if (select && connection.tabId !== undefined && select.value !== String(connection.tabId)) {
        if (![...select.options].some((o) => o.value === String(connection.tabId))) select.append(h('option', { value: String(connection.tabId) }, `${connection.tabId}`))
        select.value = String(connection.tabId)
      }
    },
    notify(text, isError) {
      notice.textContent = text
      notice.classList.toggle('error', isError)
    },
  }
}
