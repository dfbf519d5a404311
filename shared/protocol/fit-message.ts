/**
 * The one trimming function: makes any message the plugin (or the inspector
 * hook) builds pass the validator, shape and bytes. It fits each field with
 * the validator's own checks (schema.ts `fit`), so a limit cannot be known on
 * one side and not the other; then, if the whole is still over
 * `MAX_MESSAGE_BYTES`, it leaves the payload out, then cuts harder. Every cut
 * is marked in the data ("…2,001 items, 1,999 kept") and on the envelope
 * (`truncated: true`).
 */
import { MAX_MESSAGE_BYTES } from './limits'
import { parseMessage, VALIDATORS } from './parse-message'
import type { Diagnostic, MessageKind } from './protocol'
import { cutText } from './truncation-marks'
import { utf8Bytes } from './utf8-bytes'

export interface FittedMessage {
  message: Diagnostic
  /** Its JSON text and that text's UTF-8 size. */
  text: string
  bytes: number
}

const MAX_TIGHT_TEXT = 256
const MAX_TIGHT_ITEMS = 50

function stringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value)
  } catch {
    return undefined // a cycle, a BigInt or a throwing toJSON in page data
  }
}

/** Shorter strings and lists than any limit: a message that passed the validator still passes after this. */
function tighten(v: unknown): unknown {
  if (typeof v === 'string') return cutText(v, MAX_TIGHT_TEXT)
  if (Array.isArray(v)) return v.slice(0, MAX_TIGHT_ITEMS).map(tighten)
  if (typeof v !== 'object' || v === null) return v
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v).slice(0, MAX_TIGHT_ITEMS)) out[k] = tighten((v as Record<string, unknown>)[k])
  return out
}

function accept(data: unknown): FittedMessage | undefined {
  const text = stringify(data)
  if (text === undefined || text.length > MAX_MESSAGE_BYTES * 4) return undefined
  const bytes = utf8Bytes(text)
  const message = bytes <= MAX_MESSAGE_BYTES ? parseMessage(data) : undefined
  return message ? { message, text, bytes } : undefined
}

/**
 * A message as plain JSON that passes `parseUntrustedMessage`, or undefined
 * when nothing can make it pass (a field of the wrong type: a bug, not data).
 * `message` may hold anything `JSON.stringify` takes.
 */
export function fitMessage(built: { kind: MessageKind }): FittedMessage | undefined {
  const message = built as { kind: MessageKind } & Record<string, unknown>
  const check = VALIDATORS[message.kind]
  if (!check) return undefined
  let text = stringify(message)
  if (text === undefined) {
    const { payload: _payload, ...rest } = message
    text = stringify({ ...rest, ...('payload' in message ? { payload: '…not serialisable, left out' } : {}), truncated: true })
    if (text === undefined) return undefined
  }
  const data = JSON.parse(text) as Record<string, unknown>
  const bytes = utf8Bytes(text)
  if (bytes <= MAX_MESSAGE_BYTES && parseMessage(data)) return { message: data as unknown as Diagnostic, text, bytes }

  const fitted = { ...(check.fit(data) as Record<string, unknown>), truncated: true }
  const steps = [
    () => fitted,
    () => ('payload' in fitted ? { ...fitted, payload: `…payload of ${utf8Bytes(stringify(fitted.payload) ?? '')} bytes left out` } : fitted),
    () => ({ ...(tighten({ ...fitted, payload: undefined }) as object), ...('payload' in fitted ? { payload: '…payload left out' } : {}), truncated: true }),
  ]
  for (const step of steps) {
    const accepted = accept(step())
    if (accepted) return accepted
  }
  return undefined
}
