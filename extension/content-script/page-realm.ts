/**
 * Brings message data a page posted into the content script's own realm.
 * Chrome hands the isolated world its own deserialised copy. Firefox shows a
 * content script the page's copy through an Xray wrapper whose prototype is
 * the page's `Object.prototype`, not ours, so the shared validator's
 * plain-object check refuses every message there. A structured clone of such
 * data is ours; data already ours costs one prototype lookup and no copy
 * (the relay's flood path).
 */
export function inOwnRealm(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data
  const proto: unknown = Object.getPrototypeOf(data)
  if (proto === Object.prototype || proto === Array.prototype || proto === null) return data
  try {
    return structuredClone(data)
  } catch {
    // Not cloneable (it cannot have come from postMessage then): refused like any other invalid data.
    return undefined
  }
}
