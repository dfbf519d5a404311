import { MAX_MESSAGE_BYTES } from '../../shared/protocol/limits'
import { utf8Bytes } from '../../shared/protocol/utf8-bytes'

export interface Serialized {
  text: string
  bytes: number
}

/** Cuts every string, list and map in a JSON value down to the given sizes. */
function cut(value: unknown, maxString: number, maxItems: number): unknown {
  if (typeof value === 'string') return value.length > maxString ? value.slice(0, maxString) : value
  if (Array.isArray(value)) return value.slice(0, maxItems).map((v) => cut(v, maxString, maxItems))
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).slice(0, maxItems)) {
      if (key === '__proto__') continue
      out[key] = cut((value as Record<string, unknown>)[key], maxString, maxItems)
    }
    return out
  }
  return value
}

function measure(message: object): Serialized | undefined {
  try {
    const text = JSON.stringify(message)
    return { text, bytes: utf8Bytes(text) }
  } catch {
    return undefined // a cycle or a throwing toJSON in a payload: shrink below
  }
}

/**
 * Serialises a diagnostic so it fits `MAX_MESSAGE_BYTES`: first without its
 * payload, then with strings and lists cut, each step marked `truncated`.
 * Returns undefined only if even the cut-down form is too big.
 */
export function serializeBounded(message: Record<string, unknown>): Serialized | undefined {
  const whole = measure(message)
  if (whole && whole.bytes <= MAX_MESSAGE_BYTES) return whole
  const { payload: _payload, ...rest } = message
  const steps = [
    () => ({ ...rest, truncated: true }),
    () => ({ ...(cut(rest, 256, 50) as object), truncated: true }),
    () => ({ ...(cut(rest, 64, 10) as object), truncated: true }),
  ]
  for (const step of steps) {
    const attempt = measure(step())
    if (attempt && attempt.bytes <= MAX_MESSAGE_BYTES) return attempt
  }
  return undefined
}
