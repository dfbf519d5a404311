/**
 * Measures what an import costs a site: bundles one entry with Rolldown (the
 * bundler inside Vite) the same way for every contender - ESM, tree-shaken,
 * minified, analytics-next left external - then gzips every emitted chunk.
 * Used by the size budget test and by `npm run bench`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { rolldown } from 'rolldown'

const root = resolve(import.meta.dirname, '..')

/**
 * @param {string} name a label for the temp entry
 * @param {string} code the entry module's source (bare imports resolve from the repo)
 * @returns {Promise<{ minified: number, gzip: number, chunks: number }>}
 */
export async function measureBundle(name, code) {
  const dir = join(root, 'bench', '.tmp')
  mkdirSync(dir, { recursive: true })
  const entry = join(dir, `${name.replace(/\W+/g, '-')}-${process.pid}-${Date.now()}.mjs`)
  writeFileSync(entry, code)
  try {
    const bundle = await rolldown({
      input: entry,
      cwd: root,
      logLevel: 'silent',
      platform: 'browser',
      external: [/^@segment\/analytics-next/, /^@segment\/facade/],
    })
    const { output } = await bundle.generate({ format: 'es', minify: true })
    await bundle.close()
    let minified = 0
    let gzip = 0
    let chunks = 0
    for (const chunk of output) {
      if (chunk.type !== 'chunk') continue
      const bytes = Buffer.from(chunk.code)
      minified += bytes.length
      gzip += gzipSync(bytes, { level: 9 }).length
      chunks++
    }
    return { minified, gzip, chunks }
  } finally {
    rmSync(entry, { force: true })
  }
}

export const CORE_ENTRY = `export { consentGuard, custom } from '${root}/plugin/index.ts'`
export const CONSENT_TOOLS_ENTRY = `export { createWrapper } from '@segment/analytics-consent-tools'`
export const adapterEntry = (name) => `export { ${name} } from '${root}/plugin/index.ts'`
