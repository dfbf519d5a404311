import { describe, expect, it } from 'vitest'
import { h } from './dom'
import { applyTheme } from './theme'

describe(h, () => {
  it('puts page data in as text, never as markup', () => {
    const el = h('div', { class: 'x', 'aria-label': '<b>' }, '<img src=x onerror=alert(1)>', 3, null, false)
    expect(el.querySelector('img')).toBeNull()
    expect(el.textContent).toBe('<img src=x onerror=alert(1)>3')
    expect(el.getAttribute('aria-label')).toBe('<b>')
  })

  it('refuses event-handler attributes', () => {
    expect(() => h('div', { onclick: 'alert(1)' })).toThrow(/event handler attributes/)
    expect(() => h('a', { OnMouseOver: 'x' })).toThrow()
  })
})

describe(applyTheme, () => {
  it('follows the DevTools theme, else prefers-color-scheme', () => {
    const root = document.createElement('div')
    applyTheme(root, 'dark')
    expect(root.dataset.theme).toBe('dark')
    applyTheme(root, 'default')
    expect(root.dataset.theme).toBe('light')
    applyTheme(root, undefined, () => ({ matches: true, addEventListener() {} }) as unknown as MediaQueryList)
    expect(root.dataset.theme).toBe('dark')
  })
})
