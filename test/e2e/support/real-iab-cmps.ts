/**
 * Browser bundles of the IAB's reference CMP APIs, for test pages: the
 * packages ship only ESM and CJS, so each is bundled at test time with Vite
 * into an IIFE that sets one global (`window.TcfReference` with
 * @iabtechlabtcf/cmpapi's `CmpApi` and @iabtechlabtcf/core's `TCModel`,
 * `TCString`, `GVL`; `window.GppReference` with @iabgpp/cmpapi's `CmpApi` and
 * its status enums). Built into a temporary directory the test server mounts,
 * so the repository's page bundles are never touched.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ENTRIES = {
  'tcf-reference.js': fileURLToPath(new URL('./tcf-reference-page.ts', import.meta.url)),
  'gpp-reference.js': fileURLToPath(new URL('./gpp-reference-page.ts', import.meta.url)),
}

export interface IabBundles {
  /** The directory holding `tcf-reference.js` and `gpp-reference.js`. */
  dir: string
  remove(): Promise<void>
}

export async function buildIabBundles(): Promise<IabBundles> {
  const { build } = await import('vite')
  const dir = await mkdtemp(join(tmpdir(), 'consent-guard-iab-'))
  for (const [fileName, entry] of Object.entries(ENTRIES))
    await build({
      configFile: false,
      logLevel: 'warn',
      publicDir: false,
      build: {
        outDir: dir,
        emptyOutDir: false,
        target: 'chrome120',
        minify: false,
        lib: { entry, formats: ['iife'], name: fileName.replace(/\W/g, '_'), fileName: () => fileName },
      },
    })
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}
