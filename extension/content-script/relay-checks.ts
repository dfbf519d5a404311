/**
 * The relay's acceptance rule: only our own top window, only
 * our own origin, only a valid envelope within the size cap. Everything else
 * a page or a frame posts is ignored.
 *
 * The relay checks the envelope, not every field: the worker runs the full
 * shared validator on every message before it stores or shows anything
 * (tab-buffers.ts), and it has to anyway, since it cannot trust a renderer.
 * Validating every field here as well cost the page's main thread, the
 * bottleneck of a 10,000-message flood, about a sixth of its time. The JSON
 * text made here for the size cap is what the relay sends on.
 */
import { isEnvelope } from '../../shared/protocol/parse-message'
import type { MessageKind } from '../../shared/protocol/protocol'
import { cappedSize } from '../messaging/checked-message'
import { inOwnRealm } from './page-realm'

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

/** A message the relay forwards: its kind, its JSON text and that text's size (see `cappedSize`). */
export interface RelayedMessage {
  kind: MessageKind
  json: string
  bytes: number
}

/**
 * The accepted message as the relay forwards it. `origin` lets a caller pass
 * `win.location.origin` read once: a document's origin never changes, and
 * the lookup showed in profiles of a flood.
 */
export function acceptChecked(event: PostedMessage, win: RelayWindow, origin = win.location.origin): RelayedMessage | undefined {
  // Frames are not relayed: the plugin runs in the top document.
  if (win.top !== win) return undefined
  if (event.source !== win) return undefined
  // An opaque origin ('null') never matches anything we trust.
  if (event.origin === 'null' || event.origin !== origin) return undefined
  const data = inOwnRealm(event.data)
  if (!isEnvelope(data)) return undefined
  let json: string
  try {
    // Page data is structured-clone data: no functions, no getters; a cycle or a BigInt throws.
    json = JSON.stringify(data)
  } catch {
    return undefined
  }
  const bytes = cappedSize(json, false)
  return bytes === undefined ? undefined : { kind: data.kind, json, bytes }
}
