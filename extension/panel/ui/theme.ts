/**
 * Follows the DevTools theme (`devtools.panels.themeName`: Chrome says
 * 'default' or 'dark', Firefox 'light' or 'dark'; each later switch comes
 * through Chrome's `setThemeChangeHandler` or Firefox's `onThemeChanged`);
 * as a page, follows prefers-color-scheme.
 */
const DEVTOOLS_THEMES = new Map<string, 'light' | 'dark'>([
  ['default', 'light'],
  ['light', 'light'],
  ['dark', 'dark'],
])

export function applyTheme(root: HTMLElement, themeName: string | undefined, media?: (q: string) => MediaQueryList): void {
  const theme = themeName === undefined ? undefined : DEVTOOLS_THEMES.get(themeName)
  if (theme) {
    root.dataset.theme = theme
    return
  }
  const query = (media ?? window.matchMedia?.bind(window))?.('(prefers-color-scheme: dark)')
  const set = () => (root.dataset.theme = query?.matches ? 'dark' : 'light')
  set()
  query?.addEventListener?.('change', set)
}

/** The slice of `chrome.devtools.panels` the theme reads (absent outside DevTools). */
export interface ThemedPanels {
  themeName?: string
  /** Chrome 99+; absent elsewhere. */
  setThemeChangeHandler?(handler: (themeName: string) => void): void
  /** Firefox's way to report a switch. */
  onThemeChanged?: { addListener(listener: (themeName: string) => void): void }
}

/** Applies the DevTools theme now and follows each switch while DevTools stays open. */
export function followTheme(root: HTMLElement, panels: ThemedPanels | undefined, media?: (q: string) => MediaQueryList): void {
  applyTheme(root, panels?.themeName, media)
  const follow = (theme: string) => applyTheme(root, theme, media)
  panels?.setThemeChangeHandler?.(follow)
  panels?.onThemeChanged?.addListener(follow)
}
