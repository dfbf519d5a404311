import { describe, expect, it } from 'vitest'
import { applyTheme } from './theme'

describe(applyTheme, () => {
  it('follows the DevTools theme, and a later switch', () => {
    const root = document.createElement('html')
    applyTheme(root, 'dark')
    expect(root.dataset.theme).toBe('dark')
    applyTheme(root, 'default')
    expect(root.dataset.theme).toBe('light')
  })

  it('reads Firefox’s theme names too', () => {
    const root = document.createElement('html')
    applyTheme(root, 'dark')
    applyTheme(root, 'light')
    expect(root.dataset.theme).toBe('light')
    // A theme it does not know (e.g. an old Firefox's 'firebug'): the colour scheme decides.
    applyTheme(root, 'firebug', () => ({ matches: true }) as unknown as MediaQueryList)
    expect(root.dataset.theme).toBe('dark')
  })

  it('as a page, follows prefers-color-scheme', () => {
    const root = document.createElement('html')
    const listeners: Array<() => void> = []
    const query = { matches: true, addEventListener: (_: string, fn: () => void) => listeners.push(fn) }
    applyTheme(root, undefined, () => query as unknown as MediaQueryList)
    expect(root.dataset.theme).toBe('dark')
    query.matches = false
    listeners.forEach((fn) => fn())
    expect(root.dataset.theme).toBe('light')
  })
})
