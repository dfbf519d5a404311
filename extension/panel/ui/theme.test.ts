import { describe, expect, it } from 'vitest'
import { applyTheme, followTheme, type ThemedPanels } from './theme'

describe(followTheme, () => {
  it("applies DevTools' theme, then follows each switch through the handler DevTools calls", () => {
    const root = document.createElement('html')
    let handler: ((theme: string) => void) | undefined
    const panels: ThemedPanels = { themeName: 'dark', setThemeChangeHandler: (fn) => void (handler = fn) }
    followTheme(root, panels)
    expect(root.dataset.theme).toBe('dark')
    // What DevTools does when the user switches its theme.
    handler!('default')
    expect(root.dataset.theme).toBe('light')
    handler!('dark')
    expect(root.dataset.theme).toBe('dark')
  })

  it("follows Firefox's theme-change event", () => {
    const root = document.createElement('html')
    let listener: ((theme: string) => void) | undefined
    followTheme(root, { themeName: 'light', onThemeChanged: { addListener: (fn) => void (listener = fn) } })
    expect(root.dataset.theme).toBe('light')
    listener!('dark')
    expect(root.dataset.theme).toBe('dark')
  })

  it('works where DevTools has no theme-change handler (older Chrome), and outside DevTools', () => {
    const root = document.createElement('html')
    followTheme(root, { themeName: 'default' })
    expect(root.dataset.theme).toBe('light')
    const query = { matches: true, addEventListener: () => undefined }
    followTheme(root, undefined, () => query as unknown as MediaQueryList)
    expect(root.dataset.theme).toBe('dark')
  })
})

describe(applyTheme, () => {
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
