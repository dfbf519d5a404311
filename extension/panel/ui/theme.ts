/**
 * Follows the DevTools theme (`chrome.devtools.panels.themeName`: 'default'
 * or 'dark', and each later switch through `setThemeChangeHandler`); as a
 * page, follows prefers-color-scheme.
 */
export function applyTheme(root: HTMLElement, themeName: string | undefined, media?: (q: string) => MediaQueryList): void {
  if (themeName === 'dark' || themeName === 'default') {
    root.dataset.theme = themeName === 'dark' ? 'dark' : 'light'
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
}

/** Applies the DevTools theme now and follows each switch while DevTools stays open. */
export function followTheme(root: HTMLElement, panels: ThemedPanels | undefined, media?: (q: string) => MediaQueryList): void {
  applyTheme(root, panels?.themeName, media)
  panels?.setThemeChangeHandler?.((theme) => applyTheme(root, theme, media))
}
