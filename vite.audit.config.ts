/**
 * The `consent-guard` executable: audit/bin.ts bundled for Node 20
 * into one file, dist/audit.mjs, with playwright-core (an optional peer
 * dependency, loaded on demand) and Node's built-ins left external. Runs
 * after the package build (`npm run build:audit`), which empties dist/.
 */
import { chmod } from 'node:fs/promises'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

const root = import.meta.dirname
const out = resolve(root, 'dist')

export default defineConfig({
  publicDir: false,
  // Only problems are printed: `npm run audit -- <url> --json > report.json` must leave stdout to the report.
  logLevel: 'warn',
  build: {
    outDir: out,
    emptyOutDir: false,
    target: 'node20',
    ssr: resolve(root, 'audit/bin.ts'),
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: ['playwright-core', /^node:/],
      output: { format: 'es', entryFileNames: 'audit.mjs', banner: '#!/usr/bin/env node', codeSplitting: false },
    },
  },
  plugins: [
    {
      name: 'consent-guard-audit-executable',
      // npm sets the bit when it links a bin; this makes `./dist/audit.mjs` run straight from a checkout too.
      writeBundle: () => chmod(resolve(out, 'audit.mjs'), 0o755),
    },
  ],
})
