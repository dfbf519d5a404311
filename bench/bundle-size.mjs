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
 * @returns {Promise<{ minified: number, gzip: number, chunks: number, initial: { minified: number, gzip: number }, onDemand: Array<{ name: string, minified: number, gzip: number }> }>}
 *   totals over every chunk; `initial`: what a page downloads up front (the entry and its static
 *   imports), without the chunks loaded on demand (diagnostics once a debugger is open, the hold
 *   on a page whose opt-in decision is pending, a lazy destination's loader once its consent
 *   arrives); `onDemand`: each of those chunks alone, by the name Rolldown gives it
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
    const chunks = output.filter((c) => c.type === 'chunk')
    const sizes = new Map(chunks.map((c) => [c.fileName, { minified: Buffer.byteLength(c.code), gzip: gzipSync(Buffer.from(c.code), { level: 9 }).length }]))
    const initialNames = new Set()
    const visit = (name) => {
      if (initialNames.has(name)) return
      initialNames.add(name)
      for (const next of chunks.find((c) => c.fileName === name)?.imports ?? []) visit(next)
    }
    for (const c of chunks) if (c.isEntry) visit(c.fileName)
    const sum = (names) =>
      [...names].reduce((t, n) => ({ minified: t.minified + sizes.get(n).minified, gzip: t.gzip + sizes.get(n).gzip }), { minified: 0, gzip: 0 })
    const onDemand = chunks
      .filter((c) => !initialNames.has(c.fileName))
      .map((c) => ({ name: c.name, ...sizes.get(c.fileName) }))
      .sort((a, b) => a.name.localeCompare(b.name))
    return { ...sum(sizes.keys()), chunks: chunks.length, initial: sum(initialNames), onDemand }
  } finally {
    rmSync(entry, { force: true })
  }
}

export const CORE_ENTRY = `export { consentGuard, custom } from '${root}/plugin/index.ts'`
export const CONSENT_TOOLS_ENTRY = `export { createWrapper } from '@segment/analytics-consent-tools'`
export const adapterEntry = (name) => `export { ${name} } from '${root}/plugin/index.ts'`
