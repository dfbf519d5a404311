/**
 * The npm package build: ESM + CJS with analytics-next (a peer) and
 * @segment/facade (a dependency) left external, and, with `--mode iife`,
 * one self-contained script that sets `window.ConsentGuard` for snippet users.
 * Source maps carry their sources (`sourcesContent`), so the maps that ship
 * work without the repository. Declarations: rolldown.types.config.ts.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

const root = import.meta.dirname

export default defineConfig(({ mode }) => {
  const iife = mode === 'iife'
  return {
    publicDir: false,
    // Both builds print only problems: `npm run build` and `npm run audit` stay readable (and scriptable).
    logLevel: 'warn',
    build: {
      outDir: resolve(root, 'dist'),
      emptyOutDir: !iife,
      target: 'es2020',
      minify: true,
      sourcemap: true,
      // The IIFE inlines its on-demand chunks (lib mode turns code splitting off for it by itself).
      lib: iife
        ? { entry: resolve(root, 'plugin/iife.ts'), formats: ['iife'], name: 'ConsentGuard', fileName: () => 'consent-guard.iife.js' }
        : // The formats are the two outputs below (ES and CommonJS), not `formats` here, which Vite ignores next to them.
          { entry: resolve(root, 'plugin/index.ts'), fileName: (format) => (format === 'es' ? 'consent-guard.js' : 'consent-guard.cjs') },
      rollupOptions: iife
        ? {}
        : {
            external: [/^@segment\/analytics-next/, /^@segment\/facade/],
            output: [
              { format: 'es' },
              // The lazy loaders import analytics-next's own modules (dist/pkg, ES modules); the CommonJS build
              // requires their CommonJS twins (same paths under dist/cjs).
              { format: 'cjs', paths: (id: string) => id.replace('@segment/analytics-next/dist/pkg/', '@segment/analytics-next/dist/cjs/') },
            ],
          },
    },
  }
})
