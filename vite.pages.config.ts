/**
 * Builds the bundles test pages load: the real @segment/analytics-next (and
 * the plugin, once plugin/index.ts exists) as one IIFE script,
 * test/e2e/pages/dist/analytics-page.js; then, as a second build into the
 * same directory, the consent platform fakes of test/fakes as
 * test/e2e/pages/dist/cmp-fakes-page.js (`window.CmpFakes`). IIFE output
 * takes one entry per build, hence two. Separate from the extension build
 * (vite.config.ts) and the package build (vite.plugin.config.ts).
 *
 *   vite build -c vite.pages.config.ts
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { build, defineConfig, type Plugin, type UserConfig } from 'vite'

const root = import.meta.dirname
const pagesDir = resolve(root, 'test/e2e/pages')
const placeholder = resolve(pagesDir, 'consent-guard-exports.ts')
const pluginEntry = resolve(root, 'plugin/index.ts')

/**
 * `CONSENT_GUARD_PAGES_PLUGIN=off` builds the bundle without the plugin even
 * when plugin/index.ts exists: for harness work while the plugin does not build.
 */
export const includePlugin = (): boolean => process.env.CONSENT_GUARD_PAGES_PLUGIN !== 'off' && existsSync(pluginEntry)

/**
 * Which analytics-next the pages run: the devDependency (1.84.3), or with
 * `ANALYTICS_NEXT=lowest` the lowest version the package supports, installed
 * as the npm alias devDependency `analytics-next-lowest` (`npm run test:e2e:lowest`).
 */
export const analyticsNextPackage = (): string => (process.env.ANALYTICS_NEXT === 'lowest' ? 'analytics-next-lowest' : '@segment/analytics-next')
/** That package's directory (its standalone build is served to snippet pages). */
export const analyticsNextDir = (): string => resolve(root, 'node_modules', analyticsNextPackage())

/** Points `@segment/analytics-next` (and its deep paths the plugin imports) at the package under test. */
function analyticsNextUnderTest(): Plugin {
  return {
    name: 'analytics-next-under-test',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const package_ = analyticsNextPackage()
      if (package_ === '@segment/analytics-next' || !/^@segment\/analytics-next(\/|$)/.test(source)) return null
      return this.resolve(source.replace('@segment/analytics-next', package_), importer, { ...options, skipSelf: true })
    },
  }
}

/** Swaps the empty placeholder for the plugin's exports when they exist at build time. */
function consentGuardWhenPresent(): Plugin {
  return {
    name: 'consent-guard-when-present',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      if (resolved?.id === placeholder && includePlugin()) return pluginEntry
      return resolved
    },
  }
}

/** The mode of the second build (the CMP fakes page). */
export const CMP_FAKES_MODE = 'cmp-fakes'
const VITEST_IN_PAGE = '\0vitest-in-page'

/**
 * The fakes import `vitest` only to clean up after a unit test (`afterEach`,
 * `onTestFinished`); a test page is discarded after its test, so no-ops do.
 */
function vitestInPage(): Plugin {
  return {
    name: 'vitest-in-page',
    enforce: 'pre',
    resolveId: (source) => (source === 'vitest' ? VITEST_IN_PAGE : undefined),
    load: (id) => (id === VITEST_IN_PAGE ? 'export const afterEach = () => {}\nexport const onTestFinished = () => {}\n' : undefined),
  }
}

/** After the analytics page bundle, builds the CMP fakes page into the same directory. */
function alsoBuildCmpFakes(): Plugin {
  let outDir = ''
  return {
    name: 'also-build-cmp-fakes',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    async closeBundle() {
      await build({ configFile: import.meta.filename, mode: CMP_FAKES_MODE, logLevel: 'warn', build: { outDir, emptyOutDir: false } })
    },
  }
}

const cmpFakesPage: UserConfig = {
  root: pagesDir,
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  plugins: [vitestInPage()],
  build: {
    outDir: resolve(pagesDir, 'dist'),
    emptyOutDir: false,
    target: 'chrome120',
    minify: false,
    sourcemap: true,
    lib: {
      entry: resolve(pagesDir, 'cmp-fakes-page.ts'),
      formats: ['iife'],
      name: 'ConsentGuardCmpFakesPage',
      fileName: () => 'cmp-fakes-page.js',
    },
  },
}

const analyticsPage: UserConfig = {
  root: pagesDir,
  publicDir: false,
  // analytics-next skips classic CDN destinations when NODE_ENV is 'test'.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  plugins: [analyticsNextUnderTest(), consentGuardWhenPresent(), alsoBuildCmpFakes()],
  build: {
    outDir: resolve(pagesDir, 'dist'),
    emptyOutDir: true,
    target: 'chrome120',
    minify: false,
    sourcemap: true,
    lib: {
      entry: resolve(pagesDir, 'analytics-page.ts'),
      formats: ['iife'],
      name: 'ConsentGuardTestPage',
      fileName: () => 'analytics-page.js',
    },
  },
}

export default defineConfig(({ mode }) => (mode === CMP_FAKES_MODE ? cmpFakesPage : analyticsPage))
