/**
 * The relay's acceptance rule (SPEC section 5): only our own top window, only
 * our own origin, only messages the shared validator accepts (size cap
 * included). Everything else a page or a frame posts is ignored.
 */
import { parseUntrustedMessage } from '../../shared/protocol/parse-message'
import type { Diagnostic } from '../../shared/protocol/protocol'

/** The parts of a `MessageEvent` the check reads. */
export interface PostedMessage {
  source: unknown
  origin: string
  data: unknown
}

/** The parts of `window` the check reads. */
export interface RelayWindow {
  top: unknown
  location: { origin: string }
}

export function acceptMessage(event: PostedMessage, win: RelayWindow): Diagnostic | undefined {
  // Frames are not relayed: the plugin runs in the top document.
  if (win.top !== win) return undefined
  if (event.source !== win) return undefined
  // An opaque origin ('null') never matches anything we trust.
  if (event.origin === 'null' || event.origin !== win.location.origin) return undefined
  return parseUntrustedMessage(event.data)
}
