/**
 * The shop origin's routes: the built pages (with the demo configuration
 * injected), the `/sink` view and its data. The fake third parties live on
 * their own origin (the test server), as Segment and the vendors would.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readStaticFile } from '../../test/servers/static-files'
import { injectConfig, type ShopConfig } from './config-injection'
import { injectLeakyTag } from './leaky-tag'
import type { SinkReport } from './sink-report-types'

export interface ShopRoutesOptions {
  /** The built shop, demo/dist/shop. */
  shopDir: string
  config: ShopConfig
  report(): SinkReport
  clearLog(): void
  /** The leaky variant: every page also carries a hard-coded vendor tag (see leaky-tag.ts). */
  leaky?: boolean
}

/** Clean URL -> built page. */
const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/product': 'product.html',
  '/cart': 'cart.html',
  '/login': 'login.html',
  '/sink': 'sink.html',
}

function send(response: ServerResponse, status: number, body: string | Buffer, contentType: string): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' })
  response.end(body)
}

/** The request handler of the shop origin. */
export function shopRoutes(options: ShopRoutesOptions) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1')
    const method = request.method ?? 'GET'
    if (pathname === '/sink/log.json' && method === 'GET') {
      return send(response, 200, JSON.stringify(options.report()), 'application/json; charset=utf-8')
    }
    if (pathname === '/sink/clear' && method === 'POST') {
      options.clearLog()
      return send(response, 204, '', 'text/plain; charset=utf-8')
    }
    if (method !== 'GET' && method !== 'HEAD') return send(response, 405, 'method not allowed', 'text/plain; charset=utf-8')
    const page = PAGES[pathname.replace(/\/+$/, '') || '/'] ?? (pathname.endsWith('.html') ? pathname.slice(1) : undefined)
    if (page) {
      const file = await readStaticFile(options.shopDir, page)
      if (!file) return send(response, 404, `no page ${pathname}`, 'text/plain; charset=utf-8')
      const html = injectConfig(file.body.toString('utf8'), options.config)
      return send(response, 200, options.leaky && page !== 'sink.html' ? injectLeakyTag(html, options.config.cdnUrl) : html, file.contentType)
    }
    const file = await readStaticFile(options.shopDir, decodeURIComponent(pathname.slice(1)))
    if (file) return send(response, 200, file.body, file.contentType)
    return send(response, 404, `not found: ${pathname}`, 'text/plain; charset=utf-8')
  }
}
