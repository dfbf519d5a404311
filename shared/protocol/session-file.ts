/**
 * The exported session: what the panel writes and what import reads back.
 * Import validates every message again; nothing in a file is trusted.
 */
import { parseUntrustedPageMessage } from './parse-message'
import type { PageMessage } from './protocol-version'
import { isPlainRecord } from './schema'

export const SESSION_FORMAT = 'consent-guard-session'
export const SESSION_VERSION = 1
/** An import larger than this is refused before parsing. */
export const MAX_SESSION_BYTES = 64 * 1024 * 1024

export interface SessionPage {
  url: string
  startedAt: number
}

export interface SessionFile {
  format: typeof SESSION_FORMAT
  version: typeof SESSION_VERSION
  exportedAt: number
  tool: { version: string }
  pages: SessionPage[]
  messages: PageMessage[]
}

export function createSessionFile(toolVersion: string, pages: SessionPage[], messages: PageMessage[], now = Date.now()): SessionFile {
  return { format: SESSION_FORMAT, version: SESSION_VERSION, exportedAt: now, tool: { version: toolVersion }, pages, messages }
}

export type SessionParseResult =
  | { ok: true; session: SessionFile; rejected: number }
  | { ok: false; error: string }

/** Parses a session file's text; says clearly what is wrong with a bad one. */
export function parseSessionFile(text: string): SessionParseResult {
  if (text.length > MAX_SESSION_BYTES) return { ok: false, error: `The file is larger than ${MAX_SESSION_BYTES / 1024 / 1024} MiB.` }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, error: 'The file is not JSON.' }
  }
  if (!isPlainRecord(data) || data.format !== SESSION_FORMAT) {
    return { ok: false, error: `Not a Consent Guard session: expected "format": "${SESSION_FORMAT}".` }
  }
  if (data.version !== SESSION_VERSION) {
    return { ok: false, error: `Unsupported session version ${String(data.version)}; this debugger reads version ${SESSION_VERSION}.` }
  }
  if (!Array.isArray(data.messages)) return { ok: false, error: 'The session has no "messages" list.' }
  const messages: PageMessage[] = []
  let rejected = 0
  for (const raw of data.messages) {
    const message = parseUntrustedPageMessage(raw)
    if (message) messages.push(message)
    else rejected++
  }
  const pages: SessionPage[] = Array.isArray(data.pages)
    ? data.pages.filter(
        (p): p is SessionPage => isPlainRecord(p) && typeof p.url === 'string' && p.url.length <= 4096 && typeof p.startedAt === 'number',
      )
    : []
  const exportedAt = typeof data.exportedAt === 'number' ? data.exportedAt : 0
  const tool = isPlainRecord(data.tool) && typeof data.tool.version === 'string' ? { version: data.tool.version.slice(0, 64) } : { version: 'unknown' }
  return { ok: true, session: createSessionFile(tool.version, pages, messages, exportedAt), rejected }
}
