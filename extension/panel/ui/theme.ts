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
