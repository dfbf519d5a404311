import { describe, expect, it } from 'vitest'
import { asEntries, InspectorSession, navigation, PluginSession } from '../../test-support/diagnostics'
import { SessionStore } from '../stores/session-store'
import { exportSession, importSession } from './session-transfer'

function liveSession() {
  const store = new SessionStore()
  store.setPreserveLog(true)
  const p = new PluginSession()
  const i = new InspectorSession()
  store.add([navigation('http://127.0.0.1/a', 'p1', 5), ...asEntries([p.settings(), p.consent({ C0002: true }), p.event('<img src=x onerror=alert(1)>', { C0002: true })])])
  store.add([navigation('http://127.0.0.1/b', 'p2', 9), ...asEntries([i.settings(), i.event('Viewed', null)])])
  return store
}

describe('session export and import', () => {
  it('round-trips: the imported session has the same messages and pages', () => {
    const live = liveSession()
    const file = exportSession(live, '0.1.0', 123)
    expect(file).toMatchObject({ format: 'consent-guard-session', version: 1, exportedAt: 123, tool: { version: '0.1.0' } })
    const other = new SessionStore()
    const result = importSession(other, JSON.stringify(file))
    expect(result).toEqual({ ok: true, messages: 5, rejected: 0 })
    expect(other.messages()).toEqual(live.messages())
    expect(other.pages).toEqual([
      { url: 'http://127.0.0.1/a', startedAt: 5 },
      { url: 'http://127.0.0.1/b', startedAt: 9 },
    ])
  })

  it('refuses a bad file with a clear message and leaves the view alone', () => {
    const store = liveSession()
    const before = store.messages()
    for (const [text, message] of [
      ['not json', /not JSON/],
      ['{"format":"har"}', /Not a Consent Guard session/],
      ['{"format":"consent-guard-session","version":2,"messages":[]}', /Unsupported session version 2/],
    ] as const) {
      const result = importSession(store, text)
      expect(result.ok).toBe(false)
      expect(!result.ok && result.error).toMatch(message)
    }
    expect(store.messages()).toEqual(before)
  })

  it('skips invalid messages in an otherwise good file and says how many', () => {
    const file = exportSession(liveSession(), '0.1.0')
    const tampered = { ...file, messages: [...file.messages, { ...file.messages[0], kind: 'eval' }, { source: 'x' }] }
    const store = new SessionStore()
    expect(importSession(store, JSON.stringify(tampered))).toEqual({ ok: true, messages: 5, rejected: 2 })
  })
})
