/** A random id for a page (relay) or an inspector session; fits the protocol's `sid` cap. */
export function randomId(): string {
  const bytes = new Uint8Array(12)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
