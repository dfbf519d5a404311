import { describe, expect, it } from 'vitest'
import { createMessage, type Diagnostic } from '../protocol/protocol'
import { indexSession, instanceKey, SessionIndex } from './session-index'

const settings = (sid: string, instance: string) =>
  createMessage(sid, 0, 'inspector-settings', {
    instance,
    destinations: [{ destination: 'Ads', mode: 'device', categories: ['C0004'] }],
    allCategories: ['C0004'],
    hasConsentSettings: true,
  })
const hooked = (sid: string, instance: string, seq: number, messageId: string, consent: Record<string, boolean> | null = { C0004: false }) =>
  createMessage(sid, seq, 'inspector-event', { instance, messageId, type: 'track', consent })
const reported = (seq: number, messageId: string) =>
  createMessage('plugin', seq, 'event', { messageId, type: 'track', consent: {}, status: 'decided', decisions: [], outcomes: [] })

describe(SessionIndex, () => {
  it("covers the plugin's own instance entirely once one of its events matched, whichever came first", () => {
    for (const pluginFirst of [true, false]) {
      const early = hooked('i', 'analytics-1', 1, 'm-early')
      const twin = hooked('i', 'analytics-1', 2, 'm-shared')
      const other = hooked('i', 'analytics-2', 3, 'm-other')
      const order: Diagnostic[] = pluginFirst ? [early, reported(1, 'm-shared'), twin, other] : [early, twin, other, reported(1, 'm-shared')]
      const index = indexSession(order)
      expect(index.coversEvent(early)).toBe(true)
      expect(index.coversEvent(twin)).toBe(true)
      expect(index.coversEvent(other)).toBe(false)
    }
  })

  it('covers an event with a messageId the plugin reported, even from an unlinked instance key', () => {
    const index = indexSession([reported(1, 'm1')])
    expect(index.covers('m1', instanceKey({ sid: 'x', instance: 'analytics-9' }))).toBe(true)
    expect(index.covers('m2', instanceKey({ sid: 'x', instance: 'analytics-9' }))).toBe(false)
  })

  it("predicts each inspector event against its instance's settings as they were when it arrived", () => {
    const before = hooked('i', 'analytics-1', 1, 'before')
    const after = hooked('i', 'analytics-1', 3, 'after')
    const bare = hooked('i', 'analytics-1', 4, 'bare', null)
    const index = indexSession([before, settings('i', 'analytics-1'), after, bare])
    expect(index.predicted(before)).toEqual([])
    expect(index.predicted(after).map((d) => [d.destination, d.allowed])).toEqual([['Ads', false]])
    expect(index.predicted(bare).map((d) => [d.destination, d.allowed])).toEqual([['Ads', true]])
  })
})
