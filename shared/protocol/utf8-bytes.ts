/**
 * Its own module, apart from limits.ts: the plugin's always-loaded code
 * imports the limits, and only its on-demand diagnostics chunk needs this.
 */
const NON_ASCII = /[^\x00-\x7f]/

/**
 * UTF-8 length of a string, as `TextEncoder` would encode it (a lone
 * surrogate as U+FFFD, 3 bytes), counted without encoding: the debugger
 * measures every message of a flood, and allocating each one's bytes showed
 * in its profiles.
 */
export function utf8Bytes(text: string): number {
  // Diagnostics are almost all ASCII: one native scan answers those.
  if (!NON_ASCII.test(text)) return text.length
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4
      i++
    } else n += 3
  }
  return n
}
