/**
 * Tiny structural checks for untrusted data. Each check only reads; nothing is
 * copied or assigned, so hostile keys such as `__proto__` cannot pollute
 * anything while a message is being validated.
 *
 * Each check also knows how to `fit` a value to itself: the same limits, cut
 * instead of refused. The plugin fits every message it builds (fit-message.ts),
 * so the sender and the validator can never disagree about a limit: there is
 * one table of limits and one place that reads it.
 */
import { MAX_JSON_DEPTH, MAX_JSON_ITEMS, MAX_JSON_TEXT, MAX_LIST, MAX_NAME, MAX_STRING } from './field-limits'
import { cutList, cutText, DEPTH_MARK, keysCut, KEY_MARK } from './truncation-marks'

/**
 * `fit` takes plain JSON data (already through `JSON.stringify`/`parse`) and
 * returns a copy that passes the check where cutting can make it pass: longer
 * strings, lists and maps are cut and marked. A value of the wrong type is
 * returned as it is (the caller validates afterwards).
 */
export interface Check {
  (value: unknown): boolean
  fit(value: unknown): unknown
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)
/** Keys that turn a later `target[key] = value` into prototype pollution. */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

const check = (test: (v: unknown) => boolean, fit: (v: unknown) => unknown = (v) => v): Check => Object.assign(test, { fit })

export const str = (max = MAX_STRING): Check =>
  check(
    (v) => typeof v === 'string' && v.length <= max,
    (v) => (typeof v === 'string' ? cutText(v, max) : v),
  )
export const name = str(MAX_NAME)
export const bool: Check = check((v) => typeof v === 'boolean')
export const finite: Check = check((v) => typeof v === 'number' && Number.isFinite(v))
export const count: Check = check((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)
/** `null`, or what `inner` accepts. */
export const orNull = (inner: Check): Check =>
  check(
    (v) => v === null || inner(v),
    (v) => (v === null ? v : inner.fit(v)),
  )
export const oneOf = (...values: readonly unknown[]): Check => check((v) => values.includes(v))
/** A list of typed items: cut to `max` without a mark (a mark would not be an item); the envelope says `truncated`. */
export const list = (item: Check, max = MAX_LIST): Check =>
  check(
    (v) => Array.isArray(v) && v.length <= max && v.every(item),
    (v) => (Array.isArray(v) ? v.slice(0, max).map((x) => item.fit(x)) : v),
  )

export function isPlainRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

const safeKey = (k: string) => k.length <= MAX_NAME && !HOSTILE_KEYS.has(k)

/** A map of safe string keys to values that pass `value`. */
export const record = (value: Check, max = MAX_LIST): Check =>
  check(
    (v) => {
      if (!isPlainRecord(v)) return false
      const keys = Object.keys(v)
      return keys.length <= max && keys.every((k) => safeKey(k) && value(v[k]))
    },
    (v) => {
      if (!isPlainRecord(v)) return v
      const out: Record<string, unknown> = {}
      let n = 0
      for (const k of Object.keys(v)) {
        if (n >= max) break
        if (!safeKey(k)) continue
        out[k] = value.fit(v[k])
        n++
      }
      return out
    },
  )

type Shape = Record<string, Check>
/**
 * An object with exactly these fields: `required` must be there, `optional`
 * may be (undefined counts as absent), and no other key is allowed.
 */
export const shape = (required: Shape, optional: Shape = {}): Check =>
  check(
    (v) => {
      if (!isPlainRecord(v)) return false
      for (const k of Object.keys(required)) if (!hasOwn(v, k) || !required[k](v[k])) return false
      for (const k of Object.keys(v)) {
        if (hasOwn(required, k)) continue
        if (!hasOwn(optional, k)) return false
        if (v[k] !== undefined && !optional[k](v[k])) return false
      }
      return true
    },
    (v) => {
      if (!isPlainRecord(v)) return v
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(v)) {
        const field = hasOwn(required, k) ? required[k] : hasOwn(optional, k) ? optional[k] : undefined
        if (field && v[k] !== undefined) out[k] = field.fit(v[k])
      }
      return out
    },
  )

/** Plain JSON data, bounded in depth; strings, lists, maps and keys are capped too. */
export const json: Check = check(
  (v) => isJson(v, 0),
  (v) => fitJson(v, 0),
)

function isJson(v: unknown, depth: number): boolean {
  if (v === null || typeof v === 'boolean') return true
  if (typeof v === 'string') return v.length <= MAX_JSON_TEXT
  if (typeof v === 'number') return Number.isFinite(v)
  if (depth >= MAX_JSON_DEPTH) return false
  if (Array.isArray(v)) return v.length <= MAX_JSON_ITEMS && v.every((x) => isJson(x, depth + 1))
  if (!isPlainRecord(v)) return false
  const keys = Object.keys(v)
  return keys.length <= MAX_JSON_ITEMS && keys.every((k) => k !== '__proto__' && k.length <= MAX_STRING && isJson(v[k], depth + 1))
}

/** Cuts JSON data to what `isJson` accepts; every cut leaves a readable mark where it was made. */
function fitJson(v: unknown, depth: number): unknown {
  if (v === null || typeof v === 'boolean') return v
  if (typeof v === 'string') return cutText(v, MAX_JSON_TEXT)
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v !== 'object') return null
  if (depth >= MAX_JSON_DEPTH) return DEPTH_MARK
  if (Array.isArray(v)) return cutList(v, MAX_JSON_ITEMS).map((x) => fitJson(x, depth + 1))
  const out: Record<string, unknown> = {}
  const keys = Object.keys(v).filter((k) => k !== '__proto__' && k !== KEY_MARK && k.length <= MAX_STRING)
  const kept = keys.length > MAX_JSON_ITEMS ? MAX_JSON_ITEMS - 1 : keys.length
  for (let i = 0; i < kept; i++) out[keys[i]] = fitJson((v as Record<string, unknown>)[keys[i]], depth + 1)
  const dropped = Object.keys(v).length - kept
  if (dropped > 0) out[KEY_MARK] = keysCut(Object.keys(v).length, kept)
  return out
}
