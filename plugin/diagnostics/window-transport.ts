import { BACKLOG_MAX_BYTES, BACKLOG_MAX_MESSAGES } from '../../shared/protocol/limits'
import { isAnnounce } from '../../shared/protocol/protocol'
import { Backlog } from './backlog'
import type { Serialized } from './bounded-json'

export interface WindowTransport {
  send(message: Serialized, always?: boolean): void
  readonly connected: boolean
  stop(): void
}

/**
 * Posts diagnostics to the page's own window, where the debugger's content
 * script listens. `auto`: only the probe goes out until an `announce` comes
 * back; then the backlog is replayed and later messages go out live.
 * Posting never throws into the page.
 */
export function createWindowTransport(mode: 'auto' | 'always', win: Window = window): WindowTransport {
  const backlog = new Backlog(BACKLOG_MAX_MESSAGES, BACKLOG_MAX_BYTES)
  let connected = mode === 'always'
  let heardAnnounce = false

  const post = (item: Serialized) => {
    try {
      win.postMessage(JSON.parse(item.text), win.location.origin)
    } catch {
      // An opaque origin (file:, sandboxed frame) cannot be targeted: stay silent.
    }
  }

  const onMessage = (e: MessageEvent) => {
    if (heardAnnounce || e.source !== win || e.origin !== win.location.origin || !isAnnounce(e.data)) return
    heardAnnounce = true
    const replay = !connected
    connected = true
    if (replay) for (const item of backlog.entries()) post(item)
  }
  win.addEventListener('message', onMessage)

  return {
    send(item, always = false) {
      backlog.push(item)
      if (connected || always) post(item)
    },
    get connected() {
      return connected
    },
    stop() {
      win.removeEventListener('message', onMessage)
    },
  }
}
