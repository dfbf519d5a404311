/**
 * Export and import of a session (the `consent-guard-session` format of shared/protocol/session-file.ts). Export writes the
 * messages exactly as validated; import validates every one again, and a bad
 * file is refused with a message that says what is wrong.
 */
import { createSessionFile, parseSessionFile, type SessionFile } from '../../../shared/protocol/session-file'
import type { BufferEntry } from '../../messaging/extension-messages'
import type { SessionStore } from '../stores/session-store'

export function exportSession(session: SessionStore, toolVersion: string, now = Date.now()): SessionFile {
  return createSessionFile(toolVersion, session.pages, session.pageMessages(), now)
}

export function sessionFileName(now = new Date()): string {
  return `consent-guard-session-${now.toISOString().replace(/[:.]/g, '-')}.json`
}

export type ImportResult = { ok: true; messages: number; rejected: number } | { ok: false; error: string }

/** Loads a file's text into the store (replacing what it shows); the store is untouched on error. */
export function importSession(session: SessionStore, text: string): ImportResult {
  const parsed = parseSessionFile(text)
  if (!parsed.ok) return parsed
  const { messages, pages } = parsed.session
  const entries: BufferEntry[] = messages.map((message) => ({ type: 'message', message, receivedAt: message.time }))
  session.replace(entries, pages)
  return { ok: true, messages: messages.length, rejected: parsed.rejected }
}
