import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../../shared/protocol/protocol'
import type { ConsentState } from '../../../shared/routing/types'
import { asEntries, PluginSession } from '../../test-support/diagnostics'
import { EventIndex } from '../stores/event-index'
import { SessionStore } from '../stores/session-store'
import { EventContexts } from './event-contexts'
import { deliverable, eventDelivery, summarizeSession } from './session-what-if'
import { withCategory, type Hypothesis } from './what-if'
import { recordEvent, type PluginSetup } from './what-if-fixtures'
import { CONSENT_CHANGED_EVENT, whatIfInputs } from './what-if-inputs'

const setup: PluginSetup = {
  settings: {
    integrations: {
      'Segment.io': {},
      Analytics: { type: 'browser', consentSettings: { categories: ['C0002'] } },
      Ads: { type: 'browser', consentSettings: { categories: ['C0004'] } },
      Warehouse: { type: 'server', consentSettings: { categories: ['C0002'] } },
    },
    consentSettings: { allCategories: ['C0002', 'C0004'], hasUnmappedDestinations: false },
  },
  options: {},
}
const decided = (categories: Record<string, boolean>): ConsentState => ({ status: 'decided', categories, model: 'opt-in', source: 'onetrust' })

function items(messages: Diagnostic[]) {
  const session = new SessionStore()
  const index = new EventIndex(session)
  const contexts = new EventContexts(session)
  session.add(asEntries(messages))
  return index.rows.map((row) => ({ row, inputs: whatIfInputs(row, contexts.get(row.key)) }))
}

const counts = (list: ReturnType<typeof summarizeSession>) => Object.fromEntries(list.map((s) => [s.destination, [s.events, s.delivered, s.wouldDeliver]]))

describe(summarizeSession, () => {
  it('applies one consent to every event and counts, per destination, deliveries then and under it', () => {
    const p = new PluginSession()
    const events = items([
      ...recordEvent(setup, decided({ C0002: true, C0004: false }), 'One', p),
      ...recordEvent(setup, decided({ C0002: false, C0004: false }), 'Two', p),
    ])
    const everything: Hypothesis = { categories: { C0002: true, C0004: true }, status: 'decided', model: 'opt-in', gpc: false }
    expect(counts(summarizeSession(events, everything))).toEqual({
      'Segment.io': [2, 1, 2],
      Analytics: [2, 1, 2],
      Ads: [2, 0, 2],
      Warehouse: [2, 1, 2],
    })
    // Nothing consented: Segment.io drops the events (no unmapped destinations), so cloud destinations get nothing either.
    expect(counts(summarizeSession(events, withCategory(withCategory(everything, 'C0002', false), 'C0004', false)))).toEqual({
      'Segment.io': [2, 1, 0],
      Analytics: [2, 1, 0],
      Ads: [2, 0, 0],
      Warehouse: [2, 1, 0],
    })
  })

  it('keeps outcomes consent did not decide: a failure, a destination not loaded, an event dropped from the hold', () => {
    const [record] = items(recordEvent(setup, decided({ C0002: true, C0004: false })))
    const row = {
      ...record.row,
      outcomes: record.row.outcomes.map((o) => (o.destination === 'Analytics' ? { ...o, outcome: 'failed' as const } : o.destination === 'Warehouse' ? { ...o, outcome: 'not-loaded' as const } : o)),
    }
    const everything: Hypothesis = { categories: { C0002: true, C0004: true }, status: 'decided', model: 'opt-in', gpc: false }
    expect(counts(summarizeSession([{ row, inputs: record.inputs }], everything))).toEqual({ 'Segment.io': [1, 1, 1], Analytics: [1, 0, 0], Ads: [1, 0, 1], Warehouse: [1, 0, 0] })
    const dropped = { ...record.row, dropped: 'dropped from the hold', outcomes: record.row.outcomes.map((o) => ({ ...o, outcome: 'blocked' as const })) }
    expect([...eventDelivery(dropped, record.inputs, record.row.decisions).values()].some(([, would]) => would)).toBe(false)
  })

  it('lets the consent change event reach Segment.io whatever the rule says', () => {
    const [record] = items(recordEvent(setup, decided({ C0002: false, C0004: false }), CONSENT_CHANGED_EVENT))
    expect(record.inputs.exempt).toBe(true)
    expect(deliverable(record.row.decisions, record.inputs).get('Segment.io')).toBe(true)
    expect(deliverable(record.row.decisions, { ...record.inputs, exempt: false }).get('Segment.io')).toBe(false)
  })
})
