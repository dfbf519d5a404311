/**
 * Builds the extension (extension/dist) before the debugger's e2e tests
 * when it is missing or older than its sources, so they never test a stale
 * build. `npm test` builds first anyway; this makes a single e2e run honest.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isStale } from './build-freshness'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const MANIFEST = join(REPO, 'extension/dist/manifest.json')
// package.json too: the manifest takes its version from it.
const SOURCES = [join(REPO, 'extension'), join(REPO, 'shared'), join(REPO, 'vite.config.ts'), join(REPO, 'package.json')]

export async function ensureExtensionBuilt(): Promise<void> {
  if (!(await isStale(MANIFEST, SOURCES))) return
  const { build } = await import('vite')
  await build({ configFile: join(REPO, 'vite.config.ts'), logLevel: 'warn' })
}
