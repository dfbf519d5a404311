/**
 * The what-if inputs: scope, one labelled checkbox per category, GPC, the
 * consent model and status, and Reset. Built once and kept across renders
 * (only re-synced), so keyboard focus stays on the control being used.
 */
import type { ConsentModel } from '../../../shared/routing/types'
import { h } from '../ui/dom'
import { categoryValue, type Hypothesis } from './what-if'
import type { WhatIfScope, WhatIfStore } from './what-if-store'

interface ControlsState {
  scope: WhatIfScope
  categories: string[]
  hypothesis: Hypothesis
  /** The page's gpc option denies categories (else the signal changes nothing). */
  gpcConfigured: boolean
}

function labelled(input: HTMLInputElement | HTMLSelectElement, text: string, after = false): HTMLLabelElement {
  return after ? h('label', {}, input, text) : h('label', {}, text, input)
}

export function createWhatIfControls(store: WhatIfStore, onReset: () => void) {
  const radio = (value: WhatIfScope, text: string) => {
    const input = h('input', { type: 'radio', name: 'what-if-scope', value })
    input.addEventListener('change', () => input.checked && store.setScope(value))
    return { input, label: labelled(input, text, true) }
  }
  const scopes = [radio('event', 'This event'), radio('session', 'Whole session')]
  const categoryBox = h('fieldset', { class: 'what-if-categories' }, h('legend', {}, 'Categories consented'))
  let shownCategories = ''
  const boxes = new Map<string, HTMLInputElement>()

  const gpc = h('input', { type: 'checkbox' })
  gpc.addEventListener('change', () => store.setGpc(gpc.checked))
  const gpcHint = h('span', { class: 'muted', id: 'what-if-gpc-hint' }, '(no effect: this page sets no gpc option)')
  const model = h('select', { 'aria-label': 'Consent model' }, h('option', { value: 'opt-in' }, 'opt-in'), h('option', { value: 'opt-out' }, 'opt-out'))
  model.addEventListener('change', () => store.setModel(model.value as ConsentModel))
  const status = h('select', { 'aria-label': 'Consent status' }, h('option', { value: 'decided' }, 'decided'), h('option', { value: 'pending' }, 'pending'))
  status.addEventListener('change', () => store.setStatus(status.value as Hypothesis['status']))
  const reset = h('button', { type: 'button' }, 'Reset to this event’s consent')
  reset.addEventListener('click', onReset)

  const element = h(
    'div',
    { class: 'what-if-controls' },
    h('fieldset', { class: 'what-if-scope' }, h('legend', {}, 'Apply to'), ...scopes.map((s) => s.label)),
    categoryBox,
    h(
      'fieldset',
      { class: 'what-if-switches' },
      h('legend', {}, 'GPC, model and status'),
      h('span', {}, labelled(gpc, 'GPC signal on', true), ' ', gpcHint),
      labelled(model, 'Consent model '),
      labelled(status, 'Consent status '),
      reset,
    ),
  )

  function rebuildCategories(categories: string[]): void {
    boxes.clear()
    const labels = categories.map((category) => {
      const box = h('input', { type: 'checkbox', 'data-category': category })
      box.addEventListener('change', () => store.setCategory(category, box.checked))
      boxes.set(category, box)
      return labelled(box, category, true)
    })
    categoryBox.replaceChildren(categoryBox.firstChild!, ...(labels.length ? labels : [h('span', { class: 'muted' }, 'No categories known for this event.')]))
  }

  /** Brings every control in line with the state, rebuilding the checkboxes only when the category list changed. */
  function sync(state: ControlsState): void {
    for (const s of scopes) s.input.checked = s.input.value === state.scope
    const key = JSON.stringify(state.categories)
    if (key !== shownCategories) {
      shownCategories = key
      rebuildCategories(state.categories)
    }
    for (const [category, box] of boxes) box.checked = categoryValue(state.hypothesis, category)
    gpc.checked = state.hypothesis.gpc
    gpcHint.hidden = state.gpcConfigured
    if (state.gpcConfigured) gpc.removeAttribute('aria-describedby')
    else gpc.setAttribute('aria-describedby', gpcHint.id)
    model.value = state.hypothesis.model
    status.value = state.hypothesis.status
    reset.textContent = state.scope === 'event' ? 'Reset to this event’s consent' : 'Reset to the selected event’s consent'
  }

  return { element, sync }
}
