/**
 * Records one browser context: every http(s) request with its body and start
 * time, the cookie jar on demand, and every diagnostic the page posts to its
 * own window (the plugin's, and the debugger's inspector hook's) - caught by
 * an init script and handed over through a binding, then validated with
 * `parseUntrustedMessage` like the extension's relay does.
 */
import type { BrowserContext, Request } from 'playwright-core'
import { parseUntrustedMessage } from '../shared/protocol/parse-message'
import { ANNOUNCE, type Diagnostic } from '../shared/protocol/protocol'
import type { CookieSnapshot, RecordedRequest } from './recording'

const BINDING = '__consentGuardAuditCapture'
/**
 * What "network quiet" waits for. Not fetch, beacon or ping: Chromium reports
 * no end for `keepalive` fetches (analytics-next's and most vendors'), and
 * what matters for the audit is that a request started, which is recorded.
 */
const AWAITED_TYPES = new Set(['document', 'script', 'stylesheet', 'xhr'])
/** Longest request body kept: Segment batches are at most 500 KB. */
const MAX_BODY = 1024 * 1024

export interface PageRecorder {
  messages: Diagnostic[]
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

/** Starts recording `context`; `announce`: post the announce ourselves (the extension is not loaded). */
export async function recordContext(context: BrowserContext, announce: boolean, aborted: WeakSet<Request>): Promise<PageRecorder> {
  const messages: Diagnostic[] = []
  const requests: RecordedRequest[] = []
  const open = new Map<Request, RecordedRequest>()
  let refused = 0
  let lastActivity = Date.now()

  await context.exposeBinding(BINDING, (source, data: unknown) => {
    // Only the top document speaks for the page (a frame is another party).
    if (source.page && source.frame !== source.page.mainFrame()) return void refused++
    const message = parseUntrustedMessage(data)
    if (message) messages.push(message)
    else refused++
  })
  await context.addInitScript(captureScript, { binding: BINDING, announce: announce ? ANNOUNCE : null })

  context.on('request', (request) => {
    const url = request.url()
    if (!/^https?:/i.test(url)) return
    lastActivity = Date.now()
    const body = request.postData()
    const entry: RecordedRequest = { url, method: request.method(), time: lastActivity, resourceType: request.resourceType(), ...(body !== null ? { postData: body.slice(0, MAX_BODY) } : {}) }
    requests.push(entry)
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
      entry.failure = request.failure()?.errorText ?? 'failed'
      if (aborted.has(request)) entry.aborted = true
    } else entry.status = (await request.response().catch(() => null))?.status()
  }
  context.on('requestfinished', (request) => void settle(request, false))
  context.on('requestfailed', (request) => void settle(request, true))

  return {
    messages,
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
