/**
 * Builds the test page bundles (analytics-page.js and cmp-fakes-page.js) on
 * demand, so e2e tests work before `npm test` runs `npm run build:pages` and
 * after sources change. It rebuilds when a bundle is missing, older than any
 * source it contains (the page entries, plugin/, shared/, test/fakes/, the
 * config), or built with/without the plugin when the other is wanted now
 * (see `CONSENT_GUARD_PAGES_PLUGIN` in vite.pages.config.ts).
 * The build goes to a temporary directory and is renamed into place file by
 * file, so a test reading the bundle at that moment never sees an emptied dist.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const CONFIG = join(REPO, 'vite.pages.config.ts')
const DIST = join(REPO, 'test/e2e/pages/dist')
export const PAGE_BUNDLE = join(DIST, 'analytics-page.js')
/** The consent platform fakes (`window.CmpFakes`), built by the same config after PAGE_BUNDLE. */
export const CMP_FAKES_BUNDLE = join(DIST, 'cmp-fakes-page.js')
/** Written after an on-demand build: which variant the bundle is. */
const STAMP = join(DIST, 'build-variant.json')
const SOURCES = [join(REPO, 'test/e2e/pages'), join(REPO, 'plugin'), join(REPO, 'shared'), join(REPO, 'test/fakes'), CONFIG]

async function newestMtime(path: string): Promise<number> {
  if (!existsSync(path)) return 0
  const info = await stat(path)
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs // a deleted file changes its directory's mtime
  for (const entry of await readdir(path)) {
    if (entry === 'dist' || entry === 'node_modules') continue
    newest = Math.max(newest, await newestMtime(join(path, entry)))
  }
  return newest
}

const DEFAULT_VARIANT = 'with-plugin'

/** The plugin or not, and which analytics-next (`ANALYTICS_NEXT=lowest`: the lowest supported version). */
async function wantedVariant(): Promise<string> {
  const { includePlugin, analyticsNextPackage, analyticsNextDir } = await import('../../../vite.pages.config')
  const variant = includePlugin() ? DEFAULT_VARIANT : 'analytics-next-only'
  if (analyticsNextPackage() === '@segment/analytics-next') return variant
  const { version } = JSON.parse(await readFile(join(analyticsNextDir(), 'package.json'), 'utf8')) as { version: string }
  return `${variant}+analytics-next@${version}`
}

async function builtVariant(): Promise<string | undefined> {
  // No stamp: built by `vite build -c vite.pages.config.ts`, i.e. the default variant.
  if (!existsSync(STAMP)) return DEFAULT_VARIANT
  return (JSON.parse(await readFile(STAMP, 'utf8')) as { variant?: string }).variant
}

/** Whether the bundle is missing, older than its sources, or the other variant. */
export async function pagesNeedBuild(): Promise<boolean> {
  if (!existsSync(PAGE_BUNDLE) || !existsSync(CMP_FAKES_BUNDLE)) return true
  const built = Math.min((await stat(PAGE_BUNDLE)).mtimeMs, (await stat(CMP_FAKES_BUNDLE)).mtimeMs)
  const sources = Math.max(...(await Promise.all(SOURCES.map(newestMtime))))
  const variant = await builtVariant()
  return sources > built || variant !== (await wantedVariant())
}

/** Builds test/e2e/pages/dist when needed; returns the bundle's path. */
export async function ensurePagesBuilt(): Promise<string> {
  if (!(await pagesNeedBuild())) return PAGE_BUNDLE
  const { build } = await import('vite')
  await mkdir(DIST, { recursive: true })
  // Inside dist, which the staleness check skips: a temp dir beside it would
  // bump test/e2e/pages' mtime and force a rebuild every time.
  const tmp = await mkdtemp(join(DIST, '.build-'))
  try {
    try {
      await build({ configFile: CONFIG, logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } })
    } catch (error) {
      const hint =
        (await wantedVariant()) === 'with-plugin'
          ? ' (it includes plugin/index.ts; CONSENT_GUARD_PAGES_PLUGIN=off builds analytics-next only)'
          : ''
      throw new Error(`building the test page bundle failed${hint}: ${(error as Error).message}`, { cause: error })
    }
    await writeFile(join(tmp, 'build-variant.json'), JSON.stringify({ variant: await wantedVariant() }))
    for (const file of await readdir(tmp)) await rename(join(tmp, file), join(DIST, file))
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
  return PAGE_BUNDLE
}
