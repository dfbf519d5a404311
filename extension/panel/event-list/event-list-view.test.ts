import { afterEach, describe, expect, it } from 'vitest'
import { asEntries, PluginSession } from '../../test-support/diagnostics'
import { EventIndex } from '../stores/event-index'
import { FilterStore } from '../stores/filter-store'
import { ListModel } from '../stores/list-model'
import { SelectionStore } from '../stores/selection-store'
import { SessionStore } from '../stores/session-store'
import { createEventList } from './event-list-view'

function mount() {
  const session = new SessionStore()
  const model = new ListModel(new EventIndex(session), new FilterStore())
  const selection = new SelectionStore()
  const list = createEventList(model, selection)
  document.body.replaceChildren(list.element)
  return { session, model, selection, list }
}

const rows = () => [...document.querySelectorAll<HTMLElement>('.spacer [role="row"]')]
const names = () => rows().map((r) => r.querySelector('.c-name')!.textContent)

afterEach(() => document.body.replaceChildren())

describe(createEventList, () => {
  it('leaves rows in view untouched while the list grows below them, and redraws one whose state changed', () => {
    const { session, selection, list } = mount()
    const p = new PluginSession()
    session.add(asEntries(Array.from({ length: 10 }, (_, i) => p.event(`E${i}`, { C0001: true }))))
    list.render()
    const first = rows()[0].firstElementChild
    expect(names().slice(0, 2)).toEqual(['E0', 'E1'])

    session.add(asEntries(Array.from({ length: 500 }, (_, i) => p.event(`F${i}`, { C0001: true }))))
    list.render()
    expect(document.querySelector('[role="grid"]')!.getAttribute('aria-rowcount')).toBe('511')
    // Same row, same place, same state: the very same cells (nothing rebuilt).
    expect(rows()[0].firstElementChild).toBe(first)
    expect(names()[0]).toBe('E0')

    selection.select(rows()[0].dataset.key)
    list.render()
    expect(rows()[0].getAttribute('aria-selected')).toBe('true')
    expect(rows()[0].classList.contains('selected')).toBe(true)
    expect(rows()[0].firstElementChild).not.toBe(first)
  })

  it('redraws every row after a reset (new rows, even at the same places)', () => {
    const { session, list } = mount()
    const p = new PluginSession()
    session.add(asEntries([p.event('Old', {})]))
    list.render()
    session.replace(asEntries([new PluginSession().event('New', {})]), [])
    list.render()
    expect(names()).toEqual(['New'])
  })
})
