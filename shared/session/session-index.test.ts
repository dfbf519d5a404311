import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createMessage, type Diagnostic, type DiagnosticOf } from '../protocol/protocol'
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

  it('changes its coverage revision whenever an event already fed becomes covered, and coverage never shrinks (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('inspector' as const), instance: fc.constantFrom('a', 'b', 'c'), id: fc.constantFrom('m1', 'm2', 'm3', 'm4') }),
      fc.record({ kind: fc.constant('plugin' as const), id: fc.constantFrom('m1', 'm2', 'm3', 'm4') }),
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const index = new SessionIndex()
        const fed: Array<DiagnosticOf<'inspector-event'>> = []
        steps.forEach((s, seq) => {
          const before = fed.map((m) => index.coversEvent(m))
          const revision = index.coverageRevision
          const m = s.kind === 'inspector' ? hooked('i', s.instance, seq, s.id) : reported(seq, s.id)
          index.add(m)
          const after = fed.map((e) => index.coversEvent(e))
          expect(after.every((covered, i) => covered || !before[i])).toBe(true)
          if (after.some((covered, i) => covered && !before[i])) expect(index.coverageRevision).not.toBe(revision)
          if (m.kind === 'inspector-event') fed.push(m)
        })
      }),
      { numRuns: 2000 },
    )
  })

  it('counts an event covered through a messageId another instance also reported (the last one recorded already linked)', () => {
    const index = new SessionIndex()
    const fromA = hooked('i', 'a', 1, 'shared')
    for (const m of [hooked('i', 'b', 2, 'linker'), reported(1, 'linker'), fromA, hooked('i', 'b', 3, 'shared')]) index.add(m)
    expect(index.coversEvent(fromA)).toBe(false)
    const revision = index.coverageRevision
    index.add(reported(2, 'shared'))
    expect(index.coversEvent(fromA)).toBe(true)
    expect(index.coverageRevision).not.toBe(revision)
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
