/** The snippet build's entry: every named export of the package, as `window.ConsentGuard`. */
export * from './index'
