/**
 * Builds the Firefox extension (extension/dist-firefox, `vite build --mode
 * firefox`) before the Firefox e2e tests when it is missing or older than
 * its sources, so they never test a stale build.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isStale } from '../support/build-freshness'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))
export const FIREFOX_DIST = join(REPO, 'extension/dist-firefox')
const SOURCES = [join(REPO, 'extension'), join(REPO, 'shared'), join(REPO, 'vite.config.ts'), join(REPO, 'package.json')]

export async function ensureFirefoxExtensionBuilt(): Promise<void> {
  if (!(await isStale(join(FIREFOX_DIST, 'manifest.json'), SOURCES))) return
  const { build } = await import('vite')
  await build({ configFile: join(REPO, 'vite.config.ts'), mode: 'firefox', logLevel: 'warn' })
}
