/**
 * The package's declarations, bundled: `tsc -p tsconfig.types.json` emits
 * one .d.ts per source file into dist/.types (not shipped), and this config
 * rolls the public surface of plugin/index.ts into one self-contained file,
 * twice: consent-guard.d.ts for `import` and consent-guard.d.cts for
 * `require`. One file has no relative imports to resolve, so it reads the same
 * under every `moduleResolution` (bundler, node16, nodenext), and internal
 * modules' types never ship. It also writes the types of `consent-guard/iife`.
 */
import { defineConfig, type Plugin } from 'rolldown'
import { dts } from 'rolldown-plugin-dts'

/** `consent-guard/iife` is a script: it sets `window.ConsentGuard` and exports nothing. */
const IIFE_TYPES = `/** \`consent-guard/iife\` is a script: it sets \`window.ConsentGuard\` to every named export of \`consent-guard\`. */
import type * as ConsentGuard from './consent-guard.js'

declare global {
  interface Window {
    /** Every named export of \`consent-guard\`, set by \`consent-guard/iife\`. */
    ConsentGuard: typeof ConsentGuard
  }
}

export {}
`

const iifeTypes: Plugin = {
  name: 'consent-guard-iife-types',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'consent-guard.iife.d.ts', source: IIFE_TYPES })
  },
}

export default defineConfig({
  input: { 'consent-guard': 'dist/.types/plugin/index.d.ts' },
  plugins: [dts({ dtsInput: true, emitDtsOnly: true })],
  output: [
    { dir: 'dist', format: 'es', plugins: [iifeTypes] },
    { dir: 'dist', format: 'es', entryFileNames: '[name].d.cts' },
  ],
})
