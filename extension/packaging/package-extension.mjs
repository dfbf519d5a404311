#!/usr/bin/env node
/**
 * `npm run package:extension` (after it built both browsers): zips
 * extension/dist and extension/dist-firefox into extension/release/ as
 * consent-guard-debugger-<version>.zip (Chrome Web Store) and
 * consent-guard-debugger-<version>-firefox.zip (addons.mozilla.org).
 * Refuses a build whose manifest version is not the package's (a stale
 * build), and leaves out what only development uses (source maps, Vite's
 * `.vite/` metadata). Plain ESM: Node 20 runs it as is.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { zipArchive } from './zip-archive.mjs'

const REPO = fileURLToPath(new URL('../../', import.meta.url))
const RELEASE_DIR = join(REPO, 'extension/release')

/** What a store zip must not carry: development-only output. */
function isDevOnly(name) {
  return name.endsWith('.map') || name.split('/').some((part) => part === '.vite' || part === 'node_modules')
}

async function filesUnder(dir) {
  const out = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    out.push(relative(dir, path).split(sep).join('/'))
  }
  return out
}

async function packageOne(dir, zipName, version) {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))
  if (manifest.version !== version) {
    throw new Error(`${relative(REPO, dir)}/manifest.json says version ${manifest.version}, package.json ${version}: rebuild first`)
  }
  const names = (await filesUnder(dir)).filter((name) => !isDevOnly(name))
  const files = await Promise.all(names.map(async (name) => ({ name, data: await readFile(join(dir, name)) })))
  const zip = zipArchive(files)
  const path = join(RELEASE_DIR, zipName)
  await writeFile(path, zip)
  return { path, files: files.length, bytes: zip.length }
}

const { version } = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8'))
await rm(RELEASE_DIR, { recursive: true, force: true })
await mkdir(RELEASE_DIR, { recursive: true })
try {
  for (const [dir, name] of [
    ['extension/dist', `consent-guard-debugger-${version}.zip`],
    ['extension/dist-firefox', `consent-guard-debugger-${version}-firefox.zip`],
  ]) {
    const { path, files, bytes } = await packageOne(join(REPO, dir), name, version)
    console.log(`${relative(REPO, path)}: ${files} files, ${(bytes / 1024).toFixed(1)} KiB`)
  }
} catch (error) {
  console.error(`package:extension: ${error.message}`)
  process.exit(1)
}
