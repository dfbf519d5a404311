/**
 * The hermetic guard for Firefox: an HTTP proxy on 127.0.0.1 that records
 * every request it is asked to make and refuses it (403, nothing forwarded).
 * Firefox is pointed at it for all traffic by prefs (`firefoxProxyPrefs`);
 * 127.0.0.1 and localhost never go through a proxy in Firefox, so whatever
 * reaches this server tried to leave 127.0.0.1, from a page, an extension
 * page or the browser itself. Same contract as the Chromium guard.
 */
import { createServer, type Socket } from 'node:net'
import type { HermeticGuard } from '../support/hermetic-guard'

export interface RecordingProxy extends HermeticGuard {
  port: number
  close(): Promise<void>
}

/** What the client asked for: `CONNECT host:port` (HTTPS, WebSocket over TLS) or an absolute URL (plain HTTP). */
function requestedTarget(head: string): string {
  const [method = '', target = ''] = head.split(' ')
  return method === 'CONNECT' ? `https://${target}` : target
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const violations: string[] = []
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
    socket.once('data', (chunk) => {
      violations.push(requestedTarget(chunk.toString('latin1').split('\r\n', 1)[0]))
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('recording proxy: no port')
  return {
    port: address.port,
    violations,
    assertClean() {
      if (violations.length > 0) {
        throw new Error(`hermetic guard: ${violations.length} request(s) left 127.0.0.1:\n  ${violations.join('\n  ')}`)
      }
    },
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Firefox prefs that send every non-local request (HTTP, HTTPS, WebSocket) to the proxy on `port`. */
export function firefoxProxyPrefs(port: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1, // manual
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    // Local addresses stay direct (the test server); everything else meets the proxy.
    'network.proxy.allow_hijacking_localhost': false,
    // No speculative DNS lookups of hosts a page merely links to.
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
  }
}
