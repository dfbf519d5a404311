/**
 * Small helpers for the test server's request/response handling: reading and
 * parsing bodies, CORS, and answering.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * analytics-next sends `Authorization` (and `X-Retry-Count` on retries), so a
 * sink on another origin must answer the preflight with these headers.
 */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Retry-Count',
  'Access-Control-Max-Age': '600',
}

/** The whole request body as text (bodies here are small JSON payloads). */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

/**
 * JSON when the text parses as JSON, whatever the content type:
 * analytics-next posts JSON as `text/plain` to avoid preflights.
 */
export function parseBody(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Ends the response with a status, a content type and CORS headers. */
export function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType = 'text/plain; charset=utf-8',
  extraHeaders: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...CORS_HEADERS,
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    ...extraHeaders,
  })
  response.end(body)
}

/** Sends a value as JSON. */
export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, JSON.stringify(value), 'application/json; charset=utf-8')
}
