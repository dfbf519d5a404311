import { describe, expect, it } from 'vitest'
import { asEntries, InspectorSession, PluginSession } from '../../test-support/diagnostics'
import { EventIndex } from '../stores/event-index'
import { SessionStore } from '../stores/session-store'
import { summarizeDestinations } from './destination-summary'

function summarize(messages: Parameters<typeof asEntries>[0]) {
  const store = new SessionStore()
  const index = new EventIndex(store)
  store.add(asEntries(messages))
  return summarizeDestinations(store.messages(), index.rows.filter((r) => !index.isHidden(r)))
}

describe(summarizeDestinations, () => {
  it('shows mode, categories, load state, counts and the warnings', () => {
    const p = new PluginSession()
    const list = summarize([
      p.settings(),
      p.consent({ C0002: true, C0004: false }),
      p.destination('loaded-without-consent', 'Google Analytics 4 Web', ['Google Analytics 4 Web']),
      p.event('A', { C0002: true, C0004: false }),
      p.event('B', { C0002: true, C0004: false }),
    ])
    const by = Object.fromEntries(list.map((d) => [d.destination, d]))
    expect(by['Google Analytics 4 Web']).toMatchObject({ mode: 'device', load: 'loaded', counts: { delivered: 2, blocked: 0 }, predicted: false })
    expect(by['Facebook Pixel']).toMatchObject({ load: 'lazy', counts: { delivered: 0, blocked: 2 } })
    const kinds = (name: string) => by[name].warnings.map((w) => w.kind)
    expect(kinds('Google Analytics 4 Web')).toEqual(['loaded-without-consent'])
    expect(kinds('Facebook Pixel')).toEqual(['never-granted'])
    // C0009 is not a category the CMP reported.
    expect(kinds('Mixpanel')).toEqual(['unknown-category'])
    expect(kinds('Webhooks')).toEqual(['unmapped'])
    expect(kinds('Segment.io')).toEqual([])
  })

  it('follows lazy loading through destination messages', () => {
    const p = new PluginSession()
    const list = summarize([p.settings(), p.destination('lazy-loaded', 'Facebook Pixel')])
    expect(list.find((d) => d.destination === 'Facebook Pixel')?.load).toMatch(/lazy, after consent/)
  })

  it('marks destinations predicted on pages without the plugin', () => {
    const i = new InspectorSession()
    const list = summarize([i.settings(), i.event('A', { C0002: true, C0004: false })])
    expect(list.every((d) => d.predicted)).toBe(true)
    expect(list.find((d) => d.destination === 'Mixpanel')).toMatchObject({ counts: { blocked: 1 }, warnings: [{ kind: 'never-granted' }] })
  })
})
