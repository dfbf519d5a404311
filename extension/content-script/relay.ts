/**
 * The checked relay: announces the debugger, then forwards every accepted
 * diagnostic to the extension. The constant ANNOUNCE is the only thing it
 * ever posts into the page.
 */
import { ANNOUNCE } from '../../shared/protocol/protocol'
import { acceptChecked, type RelayedMessage, type RelayWindow } from './relay-checks'

export interface RelayTarget extends RelayWindow {
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void
  removeEventListener(type: 'message', fn: (e: MessageEvent) => void): void
  postMessage(message: unknown, targetOrigin: string): void
}

function announce(win: RelayTarget): void {
  try {
    win.postMessage(ANNOUNCE, win.location.origin)
  } catch {
    // An opaque origin cannot be targeted; there is no plugin to talk to then.
  }
}

/** Starts relaying; returns the function that stops it. */
export function startRelay(win: RelayTarget, forward: (checked: RelayedMessage) => void): () => void {
  const origin = win.location.origin
  const onMessage = (event: MessageEvent) => {
    const checked = acceptChecked(event, win, origin)
    if (!checked) return
    forward(checked)
    // The plugin probes on load; answering each probe lets a plugin that
    // loaded after document_start (or a second instance) start posting.
    if (checked.kind === 'probe') announce(win)
  }
  win.addEventListener('message', onMessage)
  announce(win)
  return () => win.removeEventListener('message', onMessage)
}
