import { describe, expect, it } from 'vitest'
import { asEntries, navigation, PluginSession } from '../../test-support/diagnostics'
import { SessionStore, type SessionChange } from './session-store'

function record(store: SessionStore) {
  const changes: SessionChange[] = []
  store.changes.add((c) => changes.push(c))
  return changes
}

describe(SessionStore, () => {
  it('appends in order and ignores a message it already has (re-sent snapshot, replay)', () => {
    const store = new SessionStore()
    const changes = record(store)
    const p = new PluginSession()
    const [a, b, c] = [p.settings(), p.event('A', {}), p.event('B', {})]
    store.add([navigation('http://x/', 'p1'), ...asEntries([a, b])])
    store.add([navigation('http://x/', 'p1'), ...asEntries([a, b, c])])
    store.add(asEntries([b]))
    expect(store.messages()).toEqual([a, b, c])
    expect(changes).toEqual([{ type: 'append', from: 0 }, { type: 'append', from: 3 }])
  })

  it('starts a fresh view on navigation unless the log is preserved', () => {
    const store = new SessionStore()
    const one = new PluginSession('one')
    const two = new PluginSession('two')
    const first = [navigation('http://a/', 'p1'), ...asEntries([one.event('A', {})])]
    const second = [navigation('http://b/', 'p2'), ...asEntries([two.event('B', {})])]
    store.add(first)
    store.add(second)
    expect(store.messages().map((m) => m.sid)).toEqual(['two'])
    expect(store.pages.map((p) => p.url)).toEqual(['http://b/'])
    // The old page's messages never come back, even when a snapshot repeats them.
    store.add([...first, ...second])
    expect(store.messages().map((m) => m.sid)).toEqual(['two'])

    const kept = new SessionStore()
    kept.setPreserveLog(true)
    kept.add(first)
    kept.add(second)
    expect(kept.messages().map((m) => m.sid)).toEqual(['one', 'two'])
    expect(kept.pages.map((p) => p.url)).toEqual(['http://a/', 'http://b/'])
  })

  it('replaces everything for an imported session, keeping all of its pages', () => {
    const store = new SessionStore()
    const changes = record(store)
    const p = new PluginSession()
    store.add(asEntries([p.event('old', {})]))
    const imported = [navigation('http://a/', 'p1'), ...asEntries([p.event('A', {})]), navigation('http://b/', 'p2'), ...asEntries([p.event('B', {})])]
    store.replace(imported, [{ url: 'http://a/', startedAt: 1 }, { url: 'http://b/', startedAt: 2 }])
    expect(store.messages().map((m) => (m.kind === 'event' ? m.name : ''))).toEqual(['A', 'B'])
    expect(store.pages).toHaveLength(2)
    expect(changes.at(-1)).toEqual({ type: 'reset' })
  })

  it('clears the view and the dropped count', () => {
    const store = new SessionStore()
    store.add(asEntries([new PluginSession().event('A', {})]))
    store.setDropped(12)
    store.clear()
    expect(store.entries).toEqual([])
    expect(store.dropped).toBe(0)
  })
})
