/**
 * The shared validator plus the size cap, measuring the serialised form once
 * and keeping it. `parseUntrustedMessage` gives the same verdict but drops
 * the text, and the relay and the worker then serialised each message again
 * for their own accounting: with 10,000 messages that was the single largest
 * cost of the relay -> worker path. Here the JSON text is made once (by the
 * relay), measured once, and travels on to be stored.
 */
import { MAX_MESSAGE_BYTES } from '../../shared/protocol/limits'
import { utf8Bytes } from '../../shared/protocol/utf8-bytes'
import { parsePageMessage } from '../../shared/protocol/parse-message'
import type { PageMessage } from '../../shared/protocol/protocol-version'

/**
 * A message that passed every check, with its JSON text and that text's
 * UTF-8 length. Another protocol version's probe or hello passes reduced to
 * the fields every version shares (protocol-version.ts), and its text is
 * that reduced copy's.
 */
export interface CheckedMessage {
  message: PageMessage
  json: string
  /** Exact UTF-8 bytes of `json` from `checkMessageText`; from `checkMessage`, counted exactly only near the cap, else the text's length (see there). */
  bytes: number
}

/**
 * The size of a message's JSON text under the cap, or undefined when it is
 * over. UTF-8 takes 1 to 3 bytes per UTF-16 unit (a surrogate pair: 4 for 2),
 * so only a text between a third of the cap and the cap needs counting to
 * decide. Without `exact`, a text far below the cap is measured by its length
 * (what the string costs in memory, and within 3x of its UTF-8 size).
 */
export function cappedSize(json: string, exact: boolean): number | undefined {
  if (json.length > MAX_MESSAGE_BYTES) return undefined
  if (!exact && json.length * 3 <= MAX_MESSAGE_BYTES) return json.length
  const bytes = utf8Bytes(json)
  return bytes <= MAX_MESSAGE_BYTES ? bytes : undefined
}

function capped(message: PageMessage, json: string, exact: boolean): CheckedMessage | undefined {
  const bytes = cappedSize(json, exact)
  return bytes === undefined ? undefined : { message, json, bytes }
}

/**
 * Validates decoded data (envelope, every field, size cap). Without
 * `exactBytes`, `bytes` is exact only near the cap (see `cappedSize`).
 */
export function checkMessage(data: unknown, exactBytes = false): CheckedMessage | undefined {
  const message = parsePageMessage(data)
  if (!message) return undefined
  let json: string
  try {
    json = JSON.stringify(message)
  } catch {
    return undefined
  }
  return capped(message, json, exactBytes)
}

/**
 * Validates a message sent as JSON text (envelope, every field, size cap of
 * the text itself): the worker's check of what a relay sent. The text is
 * kept as it came: it parsed as exactly one JSON value, and it parses back
 * to the very object that was validated.
 */
export function checkMessageText(json: string): CheckedMessage | undefined {
  if (json.length > MAX_MESSAGE_BYTES) return undefined
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    return undefined
  }
  const message = parsePageMessage(data)
  if (!message) return undefined
  // A greeting of another version is a reduced copy: store its text, not what the page sent.
  return capped(message, message === data ? json : JSON.stringify(message), true)
}
