/**
 * Copies page data into plain JSON that fits the protocol's field caps
 * (depth, list length, string length), dropping what JSON cannot carry.
 * Never throws: hostile getters and cycles become `null`.
 */
import { MAX_JSON_DEPTH, MAX_LIST, MAX_STRING } from '../../shared/protocol/field-limits'
import type { Json } from '../../shared/protocol/protocol'

const MAX_ITEMS = MAX_LIST * 4
const MAX_TEXT = MAX_STRING * 16

export function toBoundedJson(value: unknown, depth = 0, seen: Set<object> = new Set()): Json {
  try {
    if (value === null || typeof value === 'boolean') return value
    if (typeof value === 'number') return Number.isFinite(value) ? value : null
    if (typeof value === 'string') return value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value
    if (typeof value !== 'object' || depth >= MAX_JSON_DEPTH - 1 || seen.has(value)) return null
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
    seen.add(value)
    try {
      if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => toBoundedJson(v, depth + 1, seen))
      const out: { [key: string]: Json } = {}
      let n = 0
      for (const key of Object.keys(value)) {
        if (n >= MAX_ITEMS) break
        const v = (value as Record<string, unknown>)[key]
        if (key === '__proto__' || key.length > MAX_STRING || v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
        out[key] = toBoundedJson(v, depth + 1, seen)
        n++
      }
      return out
    } finally {
      seen.delete(value)
    }
  } catch {
    return null
  }
}
