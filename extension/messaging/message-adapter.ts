/**
 * The transport seam: views and stores talk to a `MessageAdapter`, never to
 * `chrome.*`. Production wraps a runtime port; tests use the in-memory pair.
 */

export interface MessageAdapter<In, Out> {
  /** Returns the function that removes the listener. */
  addListener(fn: (message: In) => void): () => void
  postMessage(message: Out): void
}

/** The slice of `chrome.runtime.Port` (or the polyfill's) an adapter needs. */
export interface PortLike {
  postMessage(message: unknown): void
  onMessage: { addListener(fn: (message: unknown) => void): void; removeListener(fn: (message: unknown) => void): void }
  onDisconnect: { addListener(fn: () => void): void }
  disconnect(): void
}

/** A port-backed adapter; `guard` drops anything that is not an `In`. */
export function portAdapter<In, Out>(port: PortLike, guard: (v: unknown) => v is In): MessageAdapter<In, Out> {
  return {
    addListener(fn) {
      const listener = (message: unknown) => {
        if (guard(message)) fn(message)
      }
      port.onMessage.addListener(listener)
      return () => port.onMessage.removeListener(listener)
    },
    postMessage(message) {
      port.postMessage(message)
    },
  }
}

/** Two connected in-memory ends; what one posts, the other's listeners get (synchronously, in order). */
export function memoryAdapterPair<A, B>(): [MessageAdapter<A, B>, MessageAdapter<B, A>] {
  const toA = new Set<(m: A) => void>()
  const toB = new Set<(m: B) => void>()
  const end = <In, Out>(inbox: Set<(m: In) => void>, outbox: Set<(m: Out) => void>): MessageAdapter<In, Out> => ({
    addListener(fn) {
      inbox.add(fn)
      return () => inbox.delete(fn)
    },
    postMessage(message) {
      // Structured-clone like a real port, so tests catch shared mutable state.
      const copy = structuredClone(message)
      for (const fn of [...outbox]) fn(copy)
    },
  })
  return [end<A, B>(toA, toB), end<B, A>(toB, toA)]
}
