/**
 * The debugger as a release: `npm run package:extension` builds both
 * browsers and writes the store zips. The zips are opened (not the build
 * folders) and checked as a store would: a valid MV3 manifest whose version
 * is the package's, `storage` as the only permission, icons at 16/32/48/128,
 * every file the manifest names present, and nothing development-only.
 * Chromium then loads the Chrome zip's content, and Mozilla's linter
 * (web-ext) reads the Firefox zip itself.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import webExt from 'web-ext'
import { beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './support/browser'
import { readZip, type ZipEntry } from './support/zip-reader'

const REPO = fileURLToPath(new URL('../../', import.meta.url))
const { version } = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { version: string }
const RELEASE = join(REPO, 'extension/release')
const ZIPS = { chrome: `consent-guard-debugger-${version}.zip`, firefox: `consent-guard-debugger-${version}-firefox.zip` }
const ICON_SIZES = [16, 32, 48, 128]

type Manifest = Record<string, unknown> & {
  manifest_version: number
  version: string
  icons: Record<string, string>
  background: { service_worker?: string; scripts?: string[] }
  content_scripts: Array<{ js: string[] }>
}

const zips: Record<keyof typeof ZIPS, ZipEntry[]> = { chrome: [], firefox: [] }
const file = (browser: keyof typeof ZIPS, name: string) => zips[browser].find((e) => e.name === name)
const manifestOf = (browser: keyof typeof ZIPS) => JSON.parse(file(browser, 'manifest.json')!.data.toString('utf8')) as Manifest

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): [number, number] {
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG')
  return [data.readUInt32BE(16), data.readUInt32BE(20)]
}

beforeAll(async () => {
  await promisify(execFile)('npm', ['run', 'package:extension', '--silent'], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 })
  for (const browser of ['chrome', 'firefox'] as const) zips[browser] = readZip(await readFile(join(RELEASE, ZIPS[browser])))
}, 180_000)

describe('npm run package:extension', () => {
  it.each(['chrome', 'firefox'] as const)('writes the %s zip: MV3, the package version, storage only, icons, a description', (browser) => {
    const manifest = manifestOf(browser)
    expect(manifest.manifest_version).toBe(3)
    expect(manifest.version).toBe(version)
    expect(manifest.permissions).toEqual(['storage'])
    for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'externally_connectable', 'web_accessible_resources', 'key', 'update_url', 'content_security_policy']) {
      expect(manifest, key).not.toHaveProperty(key)
    }
    expect(manifest.name).toBe('Consent Guard Debugger')
    // The Chrome Web Store caps the description at 132 characters.
    expect(typeof manifest.description === 'string' && manifest.description.length > 20 && manifest.description.length <= 132).toBe(true)
    expect(Object.keys(manifest.icons).map(Number)).toEqual(ICON_SIZES)
    for (const size of ICON_SIZES) expect(pngSize(file(browser, manifest.icons[size])!.data), `icon ${size}`).toEqual([size, size])
  })

  it.each(['chrome', 'firefox'] as const)('the %s zip holds every file its manifest names, and nothing development-only', (browser) => {
    const manifest = manifestOf(browser)
    const named = [
      manifest.devtools_page as string,
      ...(manifest.background.service_worker ? [manifest.background.service_worker] : (manifest.background.scripts ?? [])),
      ...manifest.content_scripts.flatMap((c) => c.js),
    ]
    for (const name of named) expect(file(browser, name), name).toBeDefined()
    for (const { name, data, mode } of zips[browser]) {
      expect(name).not.toMatch(/\.map$|(^|\/)\.vite\/|node_modules|\.test\.|\.ts$|\.mjs$/)
      expect(mode & 0o444, `${name} readable`).toBe(0o444)
      if (!/\.(js|html)$/.test(name)) continue
      const text = data.toString('utf8')
      // Vite's dev client, a dev server URL, or a pointer at source maps the zip does not hold.
      expect(text, name).not.toMatch(/@vite\/client|\/@vite\/env|localhost:\d+|sourceMappingURL/)
    }
  })

  it('the Chrome zip has a service worker and no Firefox settings; the Firefox one an event page and its add-on settings', () => {
    const chrome = manifestOf('chrome')
    expect(chrome.background).toEqual({ service_worker: expect.any(String), type: 'module' })
    expect(chrome).not.toHaveProperty('browser_specific_settings')
    const firefox = manifestOf('firefox')
    expect(firefox.background).toEqual({ scripts: [expect.any(String)], type: 'module' })
    expect(firefox).not.toHaveProperty('minimum_chrome_version')
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: { id: expect.stringMatching(/@/), strict_min_version: expect.any(String), data_collection_permissions: { required: ['none'] } },
    })
  })

  it('Chromium loads the Chrome zip’s content and starts its service worker', async () => {
    const unpacked = await mkdtemp(join(tmpdir(), 'consent-guard-release-'))
    try {
      for (const { name, data } of zips.chrome) {
        await mkdir(dirname(join(unpacked, name)), { recursive: true })
        await writeFile(join(unpacked, name), data)
      }
      const browser = await launchBrowser({ extension: true, extensionDir: unpacked })
      try {
        const loaded = await browser.serviceWorker!.evaluate(() => chrome.runtime.getManifest().version)
        expect(loaded).toBe(version)
        browser.guard.assertClean()
      } finally {
        await browser.close()
      }
    } finally {
      await rm(unpacked, { recursive: true, force: true })
    }
  })

  it('Mozilla’s add-on linter passes the Firefox zip with no errors and no warnings', async () => {
    const result = await webExt.cmd.lint({ sourceDir: join(RELEASE, ZIPS.firefox), output: 'none', warningsAsErrors: true, boring: true }, { shouldExitProgram: false })
    expect({ summary: result.summary, errors: result.errors, warnings: result.warnings }).toMatchObject({ summary: { errors: 0, warnings: 0 }, errors: [], warnings: [] })
  })
})
