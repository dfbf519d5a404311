import { describe, expect, it } from 'vitest'
import { asEntries, InspectorSession, PluginSession } from '../../test-support/diagnostics'
import { EventIndex } from './event-index'
import { SessionStore } from './session-store'

const visible = (index: EventIndex) => index.rows.filter((r) => !index.isHidden(r))

describe(EventIndex, () => {
  it('builds a row per plugin event with counts and the consent in force', () => {
    const store = new SessionStore()
    const index = new EventIndex(store)
    const p = new PluginSession()
    const consent = p.consent({ C0002: true, C0004: false })
    store.add(asEntries([p.settings(), consent, p.event('Order Completed', { C0002: true, C0004: false, C0009: false })]))
    const [row] = index.rows
    expect(row).toMatchObject({ type: 'track', name: 'Order Completed', delivered: 2, blocked: 1, predicted: false })
    expect(row.consentInForce).toEqual(consent)
    expect(index.byKey.get(row.key)).toBe(row)
  })

  it('predicts routing for inspector events from their consent object', () => {
    const store = new SessionStore()
    const index = new EventIndex(store)
    const i = new InspectorSession()
    store.add(asEntries([i.settings(), i.event('Viewed', { C0002: true, C0004: false }), i.event('Bare', null)]))
    const [stamped, bare] = index.rows
    expect(stamped.predicted).toBe(true)
    expect(stamped.decisions.map((d) => [d.destination, d.allowed, d.reason])).toEqual([
      ['Segment.io', true, 'consented'],
      ['Google Analytics 4 Web', true, 'consented'],
      ['Mixpanel', false, 'missing-consent'],
    ])
    expect(stamped.outcomes.find((o) => o.destination === 'Mixpanel')?.outcome).toBe('blocked')
    // No consent object: Segment does not filter, so nothing is predicted blocked.
    expect(bare.decisions.every((d) => d.allowed)).toBe(true)
  })

  it('hides an inspector instance the plugin reports, whichever arrives first', () => {
    for (const pluginFirst of [true, false]) {
      const store = new SessionStore()
      const index = new EventIndex(store)
      const p = new PluginSession()
      const withPlugin = new InspectorSession('i-sid', 'analytics-1')
      const withoutPlugin = new InspectorSession('i-sid-2', 'analytics-2')
      const early = withPlugin.event('Early', {}, 'm-early')
      const shared = p.event('Shared', {}, 'm-shared')
      const twin = withPlugin.event('Shared', {}, 'm-shared')
      const other = withoutPlugin.event('Other instance', null, 'm-other')
      const order = pluginFirst ? [withPlugin.settings(), early, shared, twin, other] : [withPlugin.settings(), early, twin, other, shared]
      for (const m of order) store.add(asEntries([m]))
      // The plugin's row stays; the linked instance's rows (even 'Early', never matched itself) go.
      expect(visible(index).map((r) => `${r.name}:${r.predicted}`).sort()).toEqual(['Other instance:true', 'Shared:false'])
    }
  })

  it('rebuilds on reset', () => {
    const store = new SessionStore()
    const index = new EventIndex(store)
    store.add(asEntries([new PluginSession().event('A', {})]))
    store.clear()
    expect(index.rows).toEqual([])
    expect(index.byKey.size).toBe(0)
  })
})
