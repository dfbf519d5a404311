/**
 * Builds the bundle test pages load: the real @segment/analytics-next (and
 * the plugin, once plugin/index.ts exists) as one IIFE script,
 * test/e2e/pages/dist/analytics-page.js. Separate from the extension build
 * (vite.config.ts) and the package build (vite.plugin.config.ts).
 *
 *   vite build -c vite.pages.config.ts
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'

const root = import.meta.dirname
const pagesDir = resolve(root, 'test/e2e/pages')
const placeholder = resolve(pagesDir, 'consent-guard-exports.ts')
const pluginEntry = resolve(root, 'plugin/index.ts')

/**
 * `CONSENT_GUARD_PAGES_PLUGIN=off` builds the bundle without the plugin even
 * when plugin/index.ts exists: for harness work while the plugin does not build.
 */
export const includePlugin = (): boolean => process.env.CONSENT_GUARD_PAGES_PLUGIN !== 'off' && existsSync(pluginEntry)

/** Swaps the empty placeholder for the plugin's exports when they exist at build time. */
function consentGuardWhenPresent(): Plugin {
  return {
    name: 'consent-guard-when-present',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      if (resolved?.id === placeholder && includePlugin()) return pluginEntry
      return resolved
    },
  }
}

export default defineConfig({
  root: pagesDir,
  publicDir: false,
  // analytics-next skips classic CDN destinations when NODE_ENV is 'test'.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  plugins: [consentGuardWhenPresent()],
  build: {
    outDir: resolve(pagesDir, 'dist'),
    emptyOutDir: true,
    target: 'chrome120',
    minify: false,
    sourcemap: true,
    lib: {
      entry: resolve(pagesDir, 'analytics-page.ts'),
      formats: ['iife'],
      name: 'ConsentGuardTestPage',
      fileName: () => 'analytics-page.js',
    },
  },
})
