/**
 * One config for the debugger extension build (crxjs: Chrome into
 * extension/dist; `--mode firefox` into extension/dist-firefox, from the same
 * source) and for the test projects (unit: happy-dom; e2e: real Chromium and
 * Firefox from Node). The npm package has its own build: vite.plugin.config.ts.
 */
import { crx } from '@crxjs/vite-plugin'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { debuggerManifest, FIREFOX_MIN_VERSION, type TargetBrowser } from './extension/manifest.config.ts'

const root = import.meta.dirname

/** Output folder and syntax target per browser. */
export const EXTENSION_TARGETS: Record<TargetBrowser, { outDir: string; target: string }> = {
  chrome: { outDir: resolve(root, 'extension/dist'), target: 'chrome120' },
  firefox: { outDir: resolve(root, 'extension/dist-firefox'), target: `firefox${parseInt(FIREFOX_MIN_VERSION, 10)}` },
}

/** `vite build --mode firefox` builds for Firefox; any other mode for Chrome. */
const browserOf = (mode: string): TargetBrowser => (mode === 'firefox' ? 'firefox' : 'chrome')

export default defineConfig(({ command, mode }) => ({
  root: resolve(root, 'extension'),
  publicDir: false,
  // Only a build needs crxjs (tests build through `vite.build()` too); when vitest serves, it would only warn
  // about MAIN-world HMR on every run.
  plugins:
    command === 'build' ? [crx({ manifest: debuggerManifest(browserOf(mode)), browser: browserOf(mode), contentScripts: { injectCss: false } })] : [],
  build: {
    outDir: EXTENSION_TARGETS[browserOf(mode)].outDir,
    emptyOutDir: true,
    target: EXTENSION_TARGETS[browserOf(mode)].target,
    minify: false,
    rollupOptions: {
      // The panel is referenced only from chrome.devtools.panels.create.
      input: { panel: resolve(root, 'extension/panel/panel.html') },
    },
  },
  test: {
    root,
    projects: [
      {
        test: {
          name: 'unit',
          root,
          environment: 'happy-dom',
          setupFiles: ['test/unit/support/hermetic-fetch.ts'],
          include: ['plugin/**/*.test.ts', 'shared/**/*.test.ts', 'audit/**/*.test.ts', 'extension/**/*.test.ts', 'demo/**/*.test.ts', 'test/unit/**/*.test.ts'],
          typecheck: { enabled: false },
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // `npm run bench` only: measurements, not tests (never part of npm test).
        test: {
          name: 'bench',
          root,
          environment: 'node',
          include: ['bench/**/*.bench-run.ts'],
          testTimeout: 1_200_000,
          disableConsoleIntercept: true,
        },
      },
    ],
  },
}))
