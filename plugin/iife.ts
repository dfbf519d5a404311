/**
 * The snippet build's entry (`consent-guard/iife`): every named export of the
 * package as `window.ConsentGuard`. The script's own `var ConsentGuard` sets it
 * when loaded by a script tag; the assignment below also sets it when a bundler
 * imports the file for its side effect (there, that `var` is module-local).
 */
import * as ConsentGuard from './index'

declare global {
  interface Window {
    /** Set by `consent-guard/iife`: every named export of `consent-guard`. */
    ConsentGuard: typeof ConsentGuard
  }
}

export * from './index'

window.ConsentGuard = ConsentGuard
