/**
 * One local HTTP server on 127.0.0.1 (free port) that plays every remote
 * party an analytics-next page talks to, and records every request:
 * - the Segment API sink, `/v1/*` (t, p, i, g, a, s, b, m), with CORS;
 * - the CDN: settings at `/v1/projects/<writeKey>/settings`, classic bundles
 *   at `/next-integrations/integrations/<slug>/<version>/<slug>.dynamic.js.gz`,
 *   action bundles at `/next-integrations/actions/<key>/<hash>.js`, both also
 *   at their btoa'd (obfuscated) paths (see bundle-routes.ts);
 * - the fake vendors, `/vendor/<key>/<type>`;
 * - test pages (`setPage`) and static directories (the built page bundle is
 *   mounted at `/pages/` by default).
 */
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { actionLibraryName, parseBundleRequest } from './bundle-routes'
import { actionBundle, classicBundle } from './destination-bundles'
import { CORS_HEADERS, parseBody, readBody, send, sendJson } from './http-exchange'
import { RequestLog, type RecordedRequest, type RequestKind } from './request-log'
import { eventsOf, segmentEvents, vendorCalls, type SinkEvent, type VendorCall } from './sink-events'
import { readStaticFile } from './static-files'

/** Where vite.pages.config.ts writes the page bundle. */
export const PAGES_DIST_DIR = fileURLToPath(new URL('../e2e/pages/dist', import.meta.url))

/** CDN settings, or a function of the server's origin (settings name the sink's host). */
export type CdnSettingsInput = object | ((serverUrl: string) => object)

export interface TestServerOptions {
  /** Settings served for every write key (override per key with `setCdnSettings`). */
  cdnSettings?: CdnSettingsInput
  /** URL prefix -> directory, added to the default mount `{ '/pages/': PAGES_DIST_DIR }`. */
  staticDirs?: Record<string, string>
  /** Path -> HTML, as `setPage`. */
  pages?: Record<string, string>
}

/** A static response registered for one exact path. */
export interface ServedResponse {
  body: string
  contentType?: string
  status?: number
}

export interface TestServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string
  port: number
  /** Every request so far, in arrival order (live array). */
  requests: RecordedRequest[]
  /** The first request (recorded or to come) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>
  /** The first Segment event (recorded or to come) matching `predicate`. */
  waitForEvent(predicate: (event: SinkEvent) => boolean, timeoutMs?: number): Promise<SinkEvent>
  /** Every Segment event that reached the sink. */
  segmentEvents(): SinkEvent[]
  /** Calls to fake vendors, optionally of one destination key. */
  vendorCalls(key?: string): VendorCall[]
  /** Serve these CDN settings for `writeKey` (default: any write key). */
  setCdnSettings(settings: CdnSettingsInput, writeKey?: string): void
  /** Serve `html` at `path` (e.g. `/shop.html`). */
  setPage(path: string, html: string): void
  /** Serve any fixed response at `path`. */
  serve(path: string, response: ServedResponse): void
  /** Forget recorded requests (between steps of one test). */
  clearRequests(): void
  close(): Promise<void>
}

const ANY_WRITE_KEY = '*'
const HTML = 'text/html; charset=utf-8'
const SETTINGS_PATH = /^\/v1\/projects\/([^/]+)\/settings$/

/** Starts the server; always `close()` it (tests: in `afterAll`/`afterEach`). */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const log = new RequestLog()
  const settingsByKey = new Map<string, CdnSettingsInput>()
  const served = new Map<string, ServedResponse>()
  const staticDirs = Object.entries({ '/pages/': PAGES_DIST_DIR, ...options.staticDirs })
  let url = ''

  if (options.cdnSettings) settingsByKey.set(ANY_WRITE_KEY, options.cdnSettings)
  const setPage = (path: string, html: string) => void served.set(path, { body: html, contentType: HTML })
  for (const [path, html] of Object.entries(options.pages ?? {})) setPage(path, html)

  /** What a request is for, decided before answering so the log is complete when the client sees the response. */
  function classify(method: string, path: string): RequestKind {
    if (method === 'OPTIONS') return 'preflight'
    if (SETTINGS_PATH.test(path)) return 'settings'
    if (path.startsWith('/v1/')) return 'segment'
    if (path.startsWith('/vendor/')) return 'vendor'
    if (path.startsWith('/next-integrations/')) return 'bundle'
    if (served.has(path)) return 'page'
    if (staticDirs.some(([prefix]) => path.startsWith(prefix))) return 'static'
    return 'other'
  }

  async function respond(
    kind: RequestKind,
    response: ServerResponse,
    path: string,
    query: Record<string, string>,
  ): Promise<void> {
    switch (kind) {
      case 'preflight':
        response.writeHead(204, CORS_HEADERS).end()
        return
      case 'settings': {
        const writeKey = decodeURIComponent(SETTINGS_PATH.exec(path)?.[1] ?? '')
        const input = settingsByKey.get(writeKey) ?? settingsByKey.get(ANY_WRITE_KEY)
        if (!input) send(response, 404, `no CDN settings for write key ${writeKey}`)
        else sendJson(response, 200, typeof input === 'function' ? input(url) : input)
        return
      }
      case 'segment':
        return sendJson(response, 200, { success: true })
      case 'vendor':
        return sendJson(response, 200, { ok: true })
      case 'bundle': {
        const bundle = parseBundleRequest(path)
        if (!bundle) return send(response, 404, `not a bundle path: ${path}`)
        if (bundle.fault === 'not-found') return send(response, 404, `fault injected: ${path} not found`)
        const code =
          bundle.kind === 'classic'
            ? classicBundle({ ...bundle, serverUrl: url })
            : actionBundle({ ...bundle, name: bundle.key, libraryName: actionLibraryName(bundle.key), serverUrl: url })
        return send(response, 200, code, 'text/javascript; charset=utf-8')
      }
      case 'page': {
        const fixed = served.get(path)!
        return send(response, fixed.status ?? 200, fixed.body, fixed.contentType ?? HTML)
      }
      case 'static':
        for (const [prefix, dir] of staticDirs) {
          const file = path.startsWith(prefix) ? await readStaticFile(dir, path.slice(prefix.length)) : undefined
          if (file) return send(response, 200, file.body, file.contentType)
        }
        return send(response, 404, `no such file: ${path}`)
      default:
        return send(response, 404, `not found: ${path}`)
    }
  }

  const server = createServer((request, response) => {
    void (async () => {
      const method = request.method ?? 'GET'
      const parsed = new URL(request.url ?? '/', 'http://127.0.0.1')
      const query = Object.fromEntries(parsed.searchParams)
      const body = parseBody(await readBody(request))
      const kind = classify(method, parsed.pathname)
      log.record({ kind, method, path: parsed.pathname, query, headers: request.headers, body, time: Date.now() })
      try {
        await respond(kind, response, parsed.pathname, query)
      } catch (error) {
        if (!response.headersSent) send(response, 500, String(error))
      }
    })()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  url = `http://127.0.0.1:${port}`

  return {
    url,
    port,
    requests: log.requests,
    waitFor: (predicate, timeoutMs) => log.waitFor(predicate, timeoutMs),
    async waitForEvent(predicate, timeoutMs) {
      const request = await log.waitFor((r) => eventsOf(r).some(predicate), timeoutMs)
      return eventsOf(request).find(predicate) as SinkEvent
    },
    segmentEvents: () => segmentEvents(log.requests),
    vendorCalls: (key) => vendorCalls(log.requests, key),
    setCdnSettings: (settings, writeKey = ANY_WRITE_KEY) => void settingsByKey.set(writeKey, settings),
    setPage,
    serve: (path, response) => void served.set(path, response),
    clearRequests: () => log.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets from the browser would hold close() open otherwise.
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
