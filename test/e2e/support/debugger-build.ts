/**
 * Builds the extension (extension/dist) before the debugger's e2e tests
 * when it is missing or older than its sources, so they never test a stale
 * build. `npm test` builds first anyway; this makes a single e2e run honest.
 */
import { existsSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const MANIFEST = join(REPO, 'extension/dist/manifest.json')
const SOURCES = [join(REPO, 'extension'), join(REPO, 'shared'), join(REPO, 'vite.config.ts')]

async function newest(path: string): Promise<number> {
  if (!existsSync(path)) return 0
  const info = await stat(path)
  if (!info.isDirectory()) return /\.test(-d)?\.ts$/.test(path) ? 0 : info.mtimeMs
  let latest = 0
  for (const entry of await readdir(path)) if (entry !== 'dist' && entry !== 'node_modules') latest = Math.max(latest, await newest(join(path, entry)))
  return latest
}

export async function ensureExtensionBuilt(): Promise<void> {
  if (existsSync(MANIFEST) && (await stat(MANIFEST)).mtimeMs >= (await newest(SOURCES[0])) && (await stat(MANIFEST)).mtimeMs >= Math.max(await newest(SOURCES[1]), await newest(SOURCES[2]))) return
  const { build } = await import('vite')
  await build({ configFile: join(REPO, 'vite.config.ts'), logLevel: 'warn' })
}
