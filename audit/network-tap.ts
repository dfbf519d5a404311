/**
 * The audit's tap on the browser's network layer: CDP `Fetch` interception on
 * each page's own DevTools session (new pages and popups included).
 *
 * Why not only Playwright's `request` events and `context.route`: a
 * `navigator.sendBeacon` (or a `keepalive` fetch) sent on `pagehide` while
 * the page navigates belongs to a document that is already gone, and neither
 * reports nor intercepts it (tried on Chromium 156: the beacon reached the
 * server unseen, `--allow-hosts` or not). The page's Fetch domain still
 * pauses it, so here it is recorded, and held back when its host is not
 * allowed.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core'

/** One request as the network layer saw it, before it left the browser. */
export interface TappedRequest {
  url: string
  method: string
  postData?: string
  /** CDP's resource type, lower-cased like Playwright's (`document`, `ping`, `fetch`, ...). */
  resourceType: string
  time: number
  /** Failed here because its host is not in `--allow-hosts`: attempted, never sent. */
  blocked: boolean
}

export interface TapOptions {
  /** Whether a request may leave the browser; undefined: every request may. */
  allowed?: (url: URL) => boolean
  onRequest(request: TappedRequest): void
}

interface PausedRequest {
  requestId: string
  resourceType?: string
  request: { url: string; method: string; postData?: string; postDataEntries?: Array<{ bytes?: string }> }
}

function bodyOf(request: PausedRequest['request']): string | undefined {
  if (request.postData !== undefined) return request.postData
  if (!request.postDataEntries?.length) return undefined
  return request.postDataEntries.map((e) => (e.bytes ? Buffer.from(e.bytes, 'base64').toString('utf8') : '')).join('')
}

async function tapPage(context: BrowserContext, page: Page, options: TapOptions): Promise<void> {
  let session: CDPSession
  try {
    session = await context.newCDPSession(page)
  } catch {
    return // the page closed meanwhile
  }
  session.on('Fetch.requestPaused', (event: PausedRequest) => {
    const { url, method } = event.request
    let parsed: URL | undefined
    try {
      parsed = new URL(url)
    } catch {
      parsed = undefined
    }
    const web = parsed !== undefined && (parsed.protocol === 'http:' || parsed.protocol === 'https:')
    const blocked = web && options.allowed !== undefined && !options.allowed(parsed!)
    if (web) {
      const body = bodyOf(event.request)
      options.onRequest({ url, method, ...(body !== undefined ? { postData: body } : {}), resourceType: (event.resourceType ?? 'other').toLowerCase(), time: Date.now(), blocked })
    }
    const answer = blocked
      ? session.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' })
      : session.send('Fetch.continueRequest', { requestId: event.requestId })
    // The target may be gone (closed, navigated away): nothing left to answer.
    answer.catch(() => undefined)
  })
  await session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }).catch(() => undefined)
}

/** Taps every page of `context`, now and later. */
export async function tapContext(context: BrowserContext, options: TapOptions): Promise<void> {
  context.on('page', (page) => void tapPage(context, page, options))
  await Promise.all(context.pages().map((page) => tapPage(context, page, options)))
}
