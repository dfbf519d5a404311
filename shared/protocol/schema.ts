/**
 * Tiny structural checks for untrusted data. Each check only reads; nothing is
 * copied or assigned, so hostile keys such as `__proto__` cannot pollute
 * anything while a message is being validated.
 */
import { MAX_JSON_DEPTH, MAX_LIST, MAX_NAME, MAX_STRING } from './limits'

export type Check = (value: unknown) => boolean

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)
/** Keys that turn a later `target[key] = value` into prototype pollution. */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export const str =
  (max = MAX_STRING): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max
export const name = str(MAX_NAME)
export const bool: Check = (v) => typeof v === 'boolean'
export const finite: Check = (v) => typeof v === 'number' && Number.isFinite(v)
export const count: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
export const oneOf =
  (...values: readonly unknown[]): Check =>
  (v) =>
    values.includes(v)
export const list =
  (item: Check, max = MAX_LIST): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(item)

export function isPlainRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** A map of safe string keys to values that pass `value`. */
export const record =
  (value: Check, max = MAX_LIST): Check =>
  (v) => {
    if (!isPlainRecord(v)) return false
    const keys = Object.keys(v)
    return keys.length <= max && keys.every((k) => k.length <= MAX_NAME && !HOSTILE_KEYS.has(k) && value(v[k]))
  }

type Shape = Record<string, Check>
/**
 * An object with exactly these fields: `required` must be there, `optional`
 * may be (undefined counts as absent), and no other key is allowed.
 */
export const shape =
  (required: Shape, optional: Shape = {}): Check =>
  (v) => {
    if (!isPlainRecord(v)) return false
    for (const k of Object.keys(required)) if (!hasOwn(v, k) || !required[k](v[k])) return false
    for (const k of Object.keys(v)) {
      if (hasOwn(required, k)) continue
      if (!hasOwn(optional, k)) return false
      if (v[k] !== undefined && !optional[k](v[k])) return false
    }
    return true
  }

/** Plain JSON data, bounded in depth; strings and lists are capped too. */
export const json: Check = (v) => isJson(v, 0)
function isJson(v: unknown, depth: number): boolean {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return typeof v !== 'string' || v.length <= MAX_STRING * 16
  if (typeof v === 'number') return Number.isFinite(v)
  if (depth >= MAX_JSON_DEPTH) return false
  if (Array.isArray(v)) return v.length <= MAX_LIST * 4 && v.every((x) => isJson(x, depth + 1))
  if (!isPlainRecord(v)) return false
  const keys = Object.keys(v)
  return keys.length <= MAX_LIST * 4 && keys.every((k) => k !== '__proto__' && k.length <= MAX_STRING && isJson(v[k], depth + 1))
}
