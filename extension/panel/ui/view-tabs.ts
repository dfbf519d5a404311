/** The view switcher: an ARIA tablist (arrow keys move between tabs). */
import { h } from './dom'

export interface ViewTab {
  id: string
  label: string
  panel: HTMLElement
  /** Called when the view becomes visible, and on every change while it is. */
  render(): void
}

export function createViewTabs(views: ViewTab[], onShow: (id: string) => void): { element: HTMLElement; panels: HTMLElement[]; current(): string; show(id: string): void } {
  const tabs = views.map((v) => h('button', { type: 'button', role: 'tab', id: `tab-${v.id}`, 'aria-controls': `view-${v.id}` }, v.label))
  const panels = views.map((v) => {
    v.panel.id = `view-${v.id}`
    v.panel.setAttribute('role', 'tabpanel')
    v.panel.setAttribute('aria-labelledby', `tab-${v.id}`)
    return v.panel
  })
  let current = views[0].id

  function show(id: string): void {
    current = id
    views.forEach((v, i) => {
      const on = v.id === id
      tabs[i].setAttribute('aria-selected', String(on))
      tabs[i].tabIndex = on ? 0 : -1
      panels[i].hidden = !on
    })
    onShow(id)
  }

  const list = h('div', { role: 'tablist', 'aria-label': 'Views' }, ...tabs)
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => show(views[i].id))
    tab.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
      if (!step) return
      const next = (i + step + tabs.length) % tabs.length
      show(views[next].id)
      tabs[next].focus()
    })
  })
  show(current)
  return { element: list, panels, current: () => current, show }
}
