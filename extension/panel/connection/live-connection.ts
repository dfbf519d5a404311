/**
 * The panel's link to the service worker, as explicit states:
 * idle (no tab chosen) -> connecting -> live; on a lost port (the worker
 * restarted) -> reconnecting -> live again; imported (showing a file).
 * A re-sent snapshot after reconnecting is merged by the SessionStore's
 * (sid, seq) dedupe, so nothing shows twice and nothing is lost.
 */
import type { PanelRequest, WorkerUpdate } from '../../messaging/extension-messages'
import type { MessageAdapter } from '../../messaging/message-adapter'
import { Listeners } from '../stores/listeners'
import type { SessionStore } from '../stores/session-store'

export type ConnectionState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'imported'

/** Opens one port to the worker; `onClose` fires when it disconnects. */
export type OpenPort = (onClose: () => void) => { channel: MessageAdapter<WorkerUpdate, PanelRequest>; close(): void }

const RETRY_MS = [50, 200, 500, 1000, 2000]

export class LiveConnection {
  state: ConnectionState = 'idle'
  tabId: number | undefined
  readonly changed = new Listeners()
  private port: ReturnType<OpenPort> | undefined
  private attempt = 0
  private generation = 0

  constructor(
    private readonly open: OpenPort,
    private readonly session: SessionStore,
    private readonly schedule: (fn: () => void, ms: number) => void = (fn, ms) => void setTimeout(fn, ms),
  ) {}

  /** Shows one tab's messages live; a different tab starts from an empty session. */
  watch(tabId: number): void {
    if (tabId !== this.tabId || this.state === 'imported') this.session.replace([], [])
    this.tabId = tabId
    this.attempt = 0
    this.connect('connecting')
  }

  /** Clears the worker's buffer for the tab (the 'cleared' reply empties the view) and the view at once. */
  clear(): void {
    this.session.clear()
    if (this.state === 'live' && this.tabId !== undefined) this.port?.channel.postMessage({ type: 'clear', tabId: this.tabId })
  }

  /** Stops live updates while an imported session is shown. */
  showImported(): void {
    this.close()
    this.setState('imported')
  }

  private connect(state: ConnectionState): void {
    this.close()
    const tabId = this.tabId
    if (tabId === undefined) return this.setState('idle')
    const generation = ++this.generation
    this.setState(state)
    try {
      this.port = this.open(() => {
        if (generation !== this.generation) return
        this.port = undefined
        this.setState('reconnecting')
        const delay = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)]
        this.schedule(() => generation === this.generation && this.connect('reconnecting'), delay)
      })
    } catch {
      this.schedule(() => generation === this.generation && this.connect('reconnecting'), RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)])
      return
    }
    this.port.channel.addListener((update) => {
      if (generation !== this.generation || update.tabId !== tabId) return
      if (update.type === 'cleared') this.session.clear()
      else {
        this.session.add(update.entries)
        this.session.setDropped(update.dropped)
        if (update.type === 'snapshot') {
          this.attempt = 0
          this.setState('live')
        }
      }
    })
    this.port.channel.postMessage({ type: 'subscribe', tabId })
  }

  private close(): void {
    this.generation++
    this.port?.close()
    this.port = undefined
  }

  private setState(state: ConnectionState): void {
    this.state = state
    this.changed.emit()
  }
}
