/**
 * The npm package build: ESM + CJS with analytics-next (a peer) and
 * @segment/facade (its dependency) left external, and, with `--mode iife`,
 * one self-contained file that sets `window.ConsentGuard` for snippet users.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

const root = import.meta.dirname

export default defineConfig(({ mode }) => {
  const iife = mode === 'iife'
  return {
    publicDir: false,
    build: {
      outDir: resolve(root, 'dist'),
      emptyOutDir: !iife,
      target: 'es2020',
      minify: true,
      sourcemap: true,
      lib: iife
        ? { entry: resolve(root, 'plugin/iife.ts'), formats: ['iife'], name: 'ConsentGuard', fileName: () => 'consent-guard.iife.js' }
        : { entry: resolve(root, 'plugin/index.ts'), formats: ['es', 'cjs'], fileName: (format) => (format === 'es' ? 'consent-guard.js' : 'consent-guard.cjs') },
      rollupOptions: iife
        ? { output: { inlineDynamicImports: true } }
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
