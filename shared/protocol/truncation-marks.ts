/**
 * How a cut shows in the data itself, so whoever reads a trimmed message in
 * the panel or an audit sees that something was left out, and how much:
 * "…2,001 items, 1,999 kept". The marks are plain strings (and one reserved
 * key for maps), so they pass the validator like any other value.
 */

/** The key under which a cut map says how many keys it had. */
export const KEY_MARK = '…'
/** What stands in for a value nested deeper than the validator allows. */
export const DEPTH_MARK = '…nested too deep, left out'

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

export const itemsCut = (total: number, kept: number) => `…${grouped(total)} items, ${grouped(kept)} kept`
export const keysCut = (total: number, kept: number) => `…${grouped(total)} keys, ${grouped(kept)} kept`

/** A string cut to at most `max` characters, ending in a mark when it was cut (never splitting a surrogate pair). */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text
  let kept = Math.max(0, max - 32)
  const mark = () => `…${grouped(text.length)} chars, ${grouped(kept)} kept`
  while (kept > 0 && kept + mark().length > max) kept--
  if (kept > 0 && (text.charCodeAt(kept - 1) & 0xfc00) === 0xd800) kept--
  const out = text.slice(0, kept) + mark()
  return out.length <= max ? out : text.slice(0, max)
}

/** A list cut to at most `max` items, the last one a mark when it was cut. */
export function cutList<T>(items: readonly T[], max: number): Array<T | string> {
  if (items.length <= max) return [...items]
  const kept = Math.max(0, max - 1)
  return [...items.slice(0, kept), itemsCut(items.length, kept)]
}
