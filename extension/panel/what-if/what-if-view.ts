/**
 * The "What if" section of the event detail: the controls, then the routing
 * that happened next to the routing `decideRouting` predicts under the
 * hypothetical consent, for the selected event or the whole session.
 * Computed in the panel only: nothing is sent to the page or the worker.
 */
import type { EventIndex } from '../stores/event-index'
import type { EventRow } from '../stores/event-row'
import { h, replaceChildren } from '../ui/dom'
import type { EventContexts } from './event-contexts'
import { summarizeSession, type DestinationWhatIf } from './session-what-if'
import { compareRouting, whatIfRouting, type Hypothesis, type WhatIfInputs } from './what-if'
import { createWhatIfControls } from './what-if-controls'
import { whatIfInputs } from './what-if-inputs'
import type { WhatIfStore } from './what-if-store'
import { eventWhatIfTable, sessionWhatIfTable } from './what-if-tables'

export interface WhatIfView {
  element: HTMLElement
  /** Shows the what-if for `row` (the selected event); cheap when nothing changed. */
  render(row: EventRow): void
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export function createWhatIfView(store: WhatIfStore, index: EventIndex, contexts: EventContexts): WhatIfView {
  // Inputs depend only on recorded messages, so each row's are built once.
  const inputsOf = new WeakMap<EventRow, WhatIfInputs>()
  const inputsFor = (row: EventRow) => {
    let inputs = inputsOf.get(row)
    if (!inputs) inputsOf.set(row, (inputs = whatIfInputs(row, contexts.get(row.key))))
    return inputs
  }
  let current: EventRow | undefined
  const controls = createWhatIfControls(store, () => current && store.reset(current.key, inputsFor(current).start))
  const status = h('p', { role: 'status', class: 'what-if-status' })
  const results = h('div', { class: 'what-if-results' })
  const notes = h('ul', { class: 'what-if-notes', 'aria-label': 'What if notes' })
  const element = h(
    'section',
    { class: 'what-if', 'aria-label': 'What if' },
    h('h3', {}, 'What if'),
    h('p', { class: 'muted' }, 'Routing recomputed here by decideRouting under the consent below. Nothing is sent to the page.'),
    controls.element,
    status,
    results,
    notes,
  )
  let memo: { rows: EventRow[]; length: number; hypothesis: Hypothesis; summary: DestinationWhatIf[]; items: Array<{ row: EventRow; inputs: WhatIfInputs }> } | undefined

  function sessionItems(hypothesis: Hypothesis) {
    if (memo && memo.rows === index.rows && memo.length === index.rows.length && memo.hypothesis === hypothesis) return memo
    const items = index.rows.filter((r) => !index.isHidden(r)).map((row) => ({ row, inputs: inputsFor(row) }))
    memo = { rows: index.rows, length: index.rows.length, hypothesis, items, summary: summarizeSession(items, hypothesis) }
    return memo
  }

  function showNotes(list: Iterable<string>): void {
    const unique = [...new Set(list)]
    notes.hidden = unique.length === 0
    replaceChildren(notes, ...unique.map((n) => h('li', {}, n)))
  }

  function renderEvent(row: EventRow, inputs: WhatIfInputs, hypothesis: Hypothesis): void {
    controls.sync({ scope: 'event', categories: inputs.categories, hypothesis, gpcConfigured: Boolean(inputs.options.gpc) })
    const rows = compareRouting(row.decisions, whatIfRouting(inputs, hypothesis))
    const changed = rows.filter((r) => r.changed).length
    status.textContent =
      rows.length === 0
        ? 'No destinations known for this event.'
        : changed === 0
          ? 'No change: this consent routes the event as it was routed.'
          : `${changed} of ${plural(rows.length, 'destination')} ${changed === 1 ? 'changes' : 'change'} under this consent.`
    replaceChildren(results, rows.length ? eventWhatIfTable(rows, row.predicted) : null)
    showNotes(inputs.notes)
  }

  function renderSession(hypothesis: Hypothesis): void {
    const { items, summary } = sessionItems(hypothesis)
    const categories = [...new Set([...Object.keys(hypothesis.categories), ...items.flatMap((i) => i.inputs.categories)])]
    controls.sync({ scope: 'session', categories, hypothesis, gpcConfigured: items.some((i) => Boolean(i.inputs.options.gpc)) })
    const changed = summary.filter((s) => s.delivered !== s.wouldDeliver).length
    status.textContent =
      changed === 0
        ? `No change over ${plural(items.length, 'event')}.`
        : `${changed} of ${plural(summary.length, 'destination')} ${changed === 1 ? 'changes' : 'change'} over ${plural(items.length, 'event')}.`
    replaceChildren(results, summary.length ? sessionWhatIfTable(summary) : null)
    showNotes(items.flatMap((i) => i.inputs.notes))
  }

  function render(row: EventRow): void {
    current = row
    const inputs = inputsFor(row)
    if (!store.hypothesis || (store.scope === 'event' && store.baseKey !== row.key)) store.startFrom(row.key, inputs.start)
    if (store.scope === 'event') renderEvent(row, inputs, store.hypothesis!)
    else renderSession(store.hypothesis!)
  }

  return { element, render }
}
