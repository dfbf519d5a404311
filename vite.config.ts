/**
 * One config for the debugger extension build (crxjs, output extension/dist)
 * and for the test projects (unit: happy-dom; e2e: real Chromium from Node).
 * The npm package has its own build: vite.plugin.config.ts.
 */
import { crx } from '@crxjs/vite-plugin'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import manifest from './extension/manifest.config.ts'

const root = import.meta.dirname

export default defineConfig(({ command }) => ({
  root: resolve(root, 'extension'),
  publicDir: false,
  // Only a build needs crxjs (tests build through `vite.build()` too); when vitest serves, it would only warn
  // about MAIN-world HMR on every run.
  plugins: command === 'build' ? [crx({ manifest, contentScripts: { injectCss: false } })] : [],
  build: {
    outDir: resolve(root, 'extension/dist'),
    emptyOutDir: true,
    target: 'chrome120',
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
