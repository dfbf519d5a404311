/**
 * Records one browser context: every http(s) request with its body and start
 * time (at the browser's network layer too, so a beacon sent during unload is
 * seen), the cookie jar on demand, and every diagnostic the page posts to its
 * own window (the plugin's, and the debugger's inspector hook's) - caught by
 * an init script and handed over through a binding, then validated with
 * `parseUntrustedMessage` like the extension's relay does.
 */
import type { BrowserContext, Request } from 'playwright-core'
import { parseUntrustedMessage } from '../shared/protocol/parse-message'
import { ANNOUNCE, type Diagnostic } from '../shared/protocol/protocol'
import { parseGreeting, type VersionGreeting } from '../shared/protocol/protocol-version'
import { tapContext } from './network-tap'
import type { CookieSnapshot, RecordedRequest } from './recording'

const BINDING = '__consentGuardAuditCapture'
/**
 * What "network quiet" waits for. Not fetch, beacon or ping: Chromium reports
 * no end for `keepalive` fetches (analytics-next's and most vendors'), and
 * what matters for the audit is that a request started, which is recorded.
 */
const AWAITED_TYPES = new Set(['document', 'script', 'stylesheet', 'xhr'])
/** Why a request held back by `--allow-hosts` failed. */
const BLOCKED = 'blocked by --allow-hosts'
/** Longest request body kept: Segment batches are at most 500 KB. */
const MAX_BODY = 1024 * 1024

export interface PageRecorder {
  messages: Diagnostic[]
  /** Probes and hellos of a plugin that speaks another protocol version. */
  greetings: VersionGreeting[]
  requests: RecordedRequest[]
  /** Messages refused by the validator (not protocol, too big, a frame's). */
  refused(): number
  snapshotCookies(checkpoint: CookieSnapshot['checkpoint']): Promise<CookieSnapshot>
  /** When the last request started or ended (for "network quiet"). */
  lastActivity(): number
  /** Loads still running that can start more requests (documents, scripts, stylesheets, XHR). */
  inFlight(): number
}

/**
 * The init script (sent as source text: self-contained). Top frame only, the
 * page's own window and origin, as the extension's relay checks. Without the
 * extension it also posts the debugger's constant announce (and answers each
 * probe), so a plugin under `diagnostics: 'auto'` starts posting.
 */
function captureScript(arg: { binding: string; announce: unknown }): void {
  if (window !== window.top) return
  const post = window.postMessage.bind(window)
  const origin = location.origin
  const say = () => {
    try {
      post(arg.announce, origin)
    } catch {
      // an opaque origin cannot be targeted
    }
  }
  window.addEventListener('message', (e) => {
    if (e.source !== window || e.origin !== origin) return
    const data = e.data as { source?: unknown; kind?: unknown } | null
    if (!data || typeof data !== 'object' || data.source !== 'consent-guard') return
    const send = (window as unknown as Record<string, unknown>)[arg.binding]
    if (typeof send === 'function') (send as (d: unknown) => Promise<unknown>)(data).catch(() => undefined)
    if (arg.announce && data.kind === 'probe') say()
  })
  if (arg.announce) say()
}

/** Requests seen by one source and not yet by the other, per method and URL (bounded: some are only ever seen by one). */
class Unmatched {
  private queues = new Map<string, RecordedRequest[]>()
  take(key: string): RecordedRequest | undefined {
    const queue = this.queues.get(key)
    const entry = queue?.shift()
    if (queue && queue.length === 0) this.queues.delete(key)
    return entry
  }
  put(key: string, entry: RecordedRequest): void {
    const queue = this.queues.get(key) ?? []
    queue.push(entry)
    if (queue.length > 50) queue.shift()
    this.queues.set(key, queue)
  }
}

/**
 * Starts recording `context`; `announce`: post the announce ourselves (the
 * extension is not loaded); `allowed`: the `--allow-hosts` rule, applied at
 * the network layer too (network-tap.ts).
 *
 * Requests come from two sources, merged one to one by method and URL in
 * order: the network tap, which also sees what leaves during unload, and
 * Playwright's events, which also see frames and workers the tap is not on
 * and tell when a request ended and how.
 */
export async function recordContext(context: BrowserContext, announce: boolean, aborted: WeakSet<Request>, allowed?: (url: URL) => boolean): Promise<PageRecorder> {
  const messages: Diagnostic[] = []
  const greetings: VersionGreeting[] = []
  const requests: RecordedRequest[] = []
  const open = new Map<Request, RecordedRequest>()
  const tappedOnly = new Unmatched()
  const reportedOnly = new Unmatched()
  let refused = 0
  let lastActivity = Date.now()

  await context.exposeBinding(BINDING, (source, data: unknown) => {
    // Only the top document speaks for the page (a frame is another party).
    if (source.page && source.frame !== source.page.mainFrame()) return void refused++
    const message = parseUntrustedMessage(data)
    if (message) return void messages.push(message)
    // Another version's greeting: kept (reduced, bounded) only to say which side to update.
    const greeting = greetings.length < 100 ? parseGreeting(data) : undefined
    if (greeting) greetings.push(greeting)
    else refused++
  })
  await context.addInitScript(captureScript, { binding: BINDING, announce: announce ? ANNOUNCE : null })

  await tapContext(context, {
    ...(allowed ? { allowed } : {}),
    onRequest(tapped) {
      lastActivity = tapped.time
      const key = `${tapped.method} ${tapped.url}`
      const known = reportedOnly.take(key)
      const entry: RecordedRequest = known ?? { url: tapped.url, method: tapped.method, time: tapped.time, resourceType: tapped.resourceType, ...(tapped.postData !== undefined ? { postData: tapped.postData.slice(0, MAX_BODY) } : {}) }
      if (tapped.blocked) Object.assign(entry, { aborted: true, failure: BLOCKED })
      if (!known) {
        requests.push(entry)
        tappedOnly.put(key, entry)
      }
    },
  })

  context.on('request', (request) => {
    const url = request.url()
    if (!/^https?:/i.test(url)) return
    lastActivity = Date.now()
    const key = `${request.method()} ${url}`
    let entry = tappedOnly.take(key)
    if (entry) entry.resourceType = request.resourceType()
    else {
      const body = request.postData()
      entry = { url, method: request.method(), time: lastActivity, resourceType: request.resourceType(), ...(body !== null ? { postData: body.slice(0, MAX_BODY) } : {}) }
      requests.push(entry)
      reportedOnly.put(key, entry)
    }
    open.set(request, entry)
  })
  const settle = async (request: Request, failed: boolean) => {
    const entry = open.get(request)
    if (!entry) return
    open.delete(request)
    lastActivity = Date.now()
    // The browser's own start time is earlier and more exact than when the event reached us.
    const start = request.timing().startTime
    if (start > 0 && start <= entry.time && start > entry.time - 60_000) entry.time = start
    if (failed) {
      entry.failure ??= request.failure()?.errorText ?? 'failed'
      if (aborted.has(request)) entry.aborted = true
    } else entry.status = (await request.response().catch(() => null))?.status()
  }
  context.on('requestfinished', (request) => void settle(request, false))
  context.on('requestfailed', (request) => void settle(request, true))

  return {
    messages,
    greetings,
    requests,
    refused: () => refused,
    async snapshotCookies(checkpoint) {
      const time = Date.now()
      const cookies = (await context.cookies()).map((c) => ({ name: c.name, domain: c.domain, path: c.path }))
      return { checkpoint, time, cookies }
    },
    lastActivity: () => lastActivity,
    inFlight: () => [...open.values()].filter((r) => AWAITED_TYPES.has(r.resourceType)).length,
  }
}
