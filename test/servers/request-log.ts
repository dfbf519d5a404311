/**
 * The record of every HTTP request the test server received, in arrival
 * order, and a way to wait for one. Tests assert on this log (what reached
 * the Segment sink, which vendor endpoints were called, which bundles were
 * fetched) instead of sleeping.
 */

/** What a request was for, decided from its path by the test server. */
export type RequestKind =
  | 'segment' // the Segment API sink, /v1/t, /v1/p, ... /v1/b, /v1/m
  | 'settings' // CDN settings, /v1/projects/<writeKey>/settings
  | 'bundle' // a fake destination's code (classic or action)
  | 'vendor' // a fake destination calling its vendor, /vendor/<key>/<type>
  | 'preflight' // a CORS OPTIONS request
  | 'page' // an HTML page or script registered with server.serve(...)
  | 'static' // a file from a static directory
  | 'other' // anything else (answered 404)

/** One request as the server saw it. */
export interface RecordedRequest {
  kind: RequestKind
  method: string
  /** Path without the query string, e.g. `/v1/t`. */
  path: string
  /** The query string parameters. */
  query: Record<string, string>
  /** Lower-cased header names, as Node gives them. */
  headers: Record<string, string | string[] | undefined>
  /** The body parsed as JSON when it is JSON, else the raw text; undefined when empty. */
  body: unknown
  /** `Date.now()` at arrival; for ordering, never for timing assertions. */
  time: number
}

type Listener = (request: RecordedRequest) => void

/** Append-only log with `waitFor`; `requests` is the live array. */
export class RequestLog {
  readonly requests: RecordedRequest[] = []
  private readonly listeners = new Set<Listener>()

  record(request: RecordedRequest): void {
    this.requests.push(request)
    for (const listener of [...this.listeners]) listener(request)
  }

  /**
   * Resolves with the first request, already recorded or still to come, that
   * matches `predicate`. Rejects after `timeoutMs` (a liveness deadline, not
   * a timing assertion) with the paths seen so far, to make failures legible.
   */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs = 15_000): Promise<RecordedRequest> {
    const found = this.requests.find(predicate)
    if (found) return Promise.resolve(found)
    return new Promise((resolve, reject) => {
      const listener: Listener = (request) => {
        if (!predicate(request)) return
        clearTimeout(timer)
        this.listeners.delete(listener)
        resolve(request)
      }
      const timer = setTimeout(() => {
        this.listeners.delete(listener)
        const seen = this.requests.map((r) => `${r.method} ${r.path}`).join(', ') || 'none'
        reject(new Error(`waitFor: no matching request within ${timeoutMs} ms; seen: ${seen}`))
      }, timeoutMs)
      this.listeners.add(listener)
    })
  }

  /** Forget everything recorded so far (pending waits stay pending). */
  clear(): void {
    this.requests.length = 0
  }
}
