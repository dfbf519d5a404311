/** Consent categories as small chips; state is in the text and the label, not only in colour. */
import { h } from './dom'

export function consentChips(consent: Record<string, boolean> | null, emptyText = 'no consent object'): HTMLElement {
  const box = h('span', { class: 'chips' })
  if (!consent) {
    box.append(h('span', { class: 'chip chip-none' }, emptyText))
    return box
  }
  for (const [category, granted] of Object.entries(consent)) {
    box.append(
      h('span', { class: granted ? 'chip chip-yes' : 'chip chip-no', title: `${category}: ${granted ? 'granted' : 'denied'}` }, `${granted ? '✓' : '✗'} ${category}`),
    )
  }
  return box
}
