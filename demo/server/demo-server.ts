/**
 * The demo server `npm start` runs, in one process, on 127.0.0.1:
 * - the shop origin (port 4173 or the next free one): the pages, `/sink`;
 * - the fake third parties on a second origin (a free port): local CDN
 *   settings and destination bundles, the Segment API sink, the vendors'
 *   endpoints. This is the e2e test server (test/servers/test-server.ts),
 *   reused as is, so the demo and the tests exercise the same fakes.
 *
 * demo/start.mjs bundles this file with Rolldown into demo/dist/server.mjs
 * (Node 20 cannot import TypeScript) and imports it.
 */
import { createServer } from 'node:http'
import { buildCdnSettings } from '../../test/fixtures/cdn-settings'
import { startTestServer } from '../../test/servers/test-server'
import { DEMO_DESTINATIONS, DEMO_WRITE_KEY, destinationHosts } from './demo-destinations'
import { listenWithFallback } from './listen'
import { shopRoutes } from './shop-routes'
import { buildSinkReport } from './sink-report'

/** The port `npm start` asks for first. */
export const DEFAULT_PORT = 4173

export interface DemoServerOptions {
  /** The built shop (demo/dist/shop). */
  shopDir: string
  /** Wanted port of the shop; taken or not, the next free one is used. 0: any. @default 4173 */
  port?: number
  /** Serve the deliberately leaky variant (a hard-coded vendor tag on every page). @default false */
  leaky?: boolean
}

export interface DemoServer {
  /** `http://127.0.0.1:<port>`, the shop. */
  url: string
  port: number
  /** The live view of what reached Segment and each vendor. */
  sinkUrl: string
  /** The fake third parties' origin (CDN, Segment API, vendors). */
  thirdPartyUrl: string
  close(): Promise<void>
}

/** Starts both origins; `close()` stops both. */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const cdnSettings = (origin: string) =>
    buildCdnSettings({ apiHost: origin, writeKey: DEMO_WRITE_KEY, destinations: [...DEMO_DESTINATIONS] })
  const thirdParty = await startTestServer({ cdnSettings })
  const settings = cdnSettings(thirdParty.url)
  let generation = 0

  const handle = shopRoutes({
    shopDir: options.shopDir,
    config: { writeKey: DEMO_WRITE_KEY, cdnUrl: thirdParty.url, destinationHosts: destinationHosts(thirdParty.url) },
    report: () =>
      buildSinkReport({
        requests: thirdParty.requests,
        settings,
        destinations: DEMO_DESTINATIONS,
        thirdPartyOrigin: thirdParty.url,
        generation,
      }),
    clearLog: () => {
      generation++
      thirdParty.clearRequests()
    },
    leaky: options.leaky === true,
  })
  const shop = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end(String(error))
    })
  })

  let port: number
  try {
    port = await listenWithFallback(shop, options.port ?? DEFAULT_PORT)
  } catch (error) {
    await thirdParty.close()
    throw error
  }
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    port,
    sinkUrl: `${url}/sink`,
    thirdPartyUrl: thirdParty.url,
    async close() {
      // Browsers keep connections alive; without this close() would wait for them.
      shop.closeAllConnections()
      await Promise.all([new Promise<void>((resolve) => shop.close(() => resolve())), thirdParty.close()])
    },
  }
}
