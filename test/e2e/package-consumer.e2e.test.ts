/**
 * The package as a user gets it: `npm pack` (prepack builds dist/), the
 * tarball checked by the ecosystem's own tools (publint, arethetypeswrong),
 * then installed into a fresh Vite + TypeScript app that typechecks under
 * bundler, node16 and nodenext, builds with Vite, runs the README's quick
 * start offline in Chromium, requires the package from CommonJS and runs the
 * `consent-guard` executable. Nothing here imports the repository's dist/.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../servers/test-server'
import { DELIBERATE_ERRORS, QUICK_START_EVENT, TYPECHECKS } from '../package/app-files'
import { createConsumerApp, type ConsumerApp } from '../package/consumer-app'
import { packTarball, REPO, type PackedTarball } from '../package/pack-tarball'
import { runCommand, transcript, type CommandResult } from '../package/run-command'
import { launchBrowser, type LaunchedBrowser } from './support/browser'

const bin = (name: string) => join(REPO, 'node_modules/.bin', name)

let tarball: PackedTarball
let app: ConsumerApp
let viteBuild: Promise<CommandResult> | undefined
const buildApp = () => (viteBuild ??= app.run(join(app.dir, 'node_modules/.bin/vite'), ['build']))

beforeAll(async () => {
  tarball = await packTarball()
  app = await createConsumerApp(tarball.path)
}, 600_000)

afterAll(async () => {
  await app?.remove()
})

describe('the packed tarball', () => {
  it('is built by prepack without a warning', () => {
    expect(tarball.files).toContain('dist/consent-guard.js')
    expect(tarball.output).not.toMatch(/warn/i)
  })

  it('passes publint and arethetypeswrong (rules ignored on purpose live in .attw.json)', async () => {
    const publint = await runCommand(bin('publint'), [join(app.dir, 'node_modules/consent-guard'), '--pack', 'false', '--strict'], REPO)
    expect(publint.code, transcript(publint)).toBe(0)
    const attw = await runCommand(bin('attw'), [tarball.path, '--format', 'ascii'], REPO)
    expect(attw.code, transcript(attw)).toBe(0)
  })

  it('ships the code-split chunks, bundled public types only, and every source map with its sources', async () => {
    const files = tarball.files
    expect(files).toContain('package.json')
    expect(files.filter((f) => f.endsWith('.d.ts') || f.endsWith('.d.cts')).sort()).toEqual([
      'dist/consent-guard.d.cts',
      'dist/consent-guard.d.ts',
      'dist/consent-guard.iife.d.ts',
    ])
    const installed = join(app.dir, 'node_modules/consent-guard')
    for (const file of files.filter((f) => /\.(js|cjs|mjs)$/.test(f))) {
      const code = await readFile(join(installed, file), 'utf8')
      // Every relative import of a shipped module is shipped too.
      for (const [, target] of code.matchAll(/(?:from|import\(|require\()\s*["']\.\/([^"']+)["']/g)) expect(files, `${file} imports ./${target}`).toContain(`dist/${target}`)
      const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1]
      if (!map) continue
      expect(files, `${file} points at its map`).toContain(`dist/${map}`)
      const { sources, sourcesContent } = JSON.parse(await readFile(join(installed, 'dist', map), 'utf8'))
      expect(sourcesContent?.length, `${map} carries its sources`).toBe(sources.length)
      expect(sourcesContent.every((s: unknown) => typeof s === 'string')).toBe(true)
    }
  })

  it("carries a README whose images show on the registry's page: absolute URLs to files of this repository", async () => {
    const readme = await readFile(join(app.dir, 'node_modules/consent-guard/README.md'), 'utf8')
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1])
    expect(images.length).toBeGreaterThan(0)
    const { repository } = JSON.parse(await readFile(join(app.dir, 'node_modules/consent-guard/package.json'), 'utf8'))
    const raw = `https://raw.githubusercontent.com/${/github\.com\/(.+?)\.git$/.exec(repository.url)?.[1]}/main/`
    for (const url of images) {
      expect(url.startsWith(raw), url).toBe(true)
      await expect(readFile(join(REPO, url.slice(raw.length))), url).resolves.toBeDefined()
    }
  })
})

describe('a fresh Vite + TypeScript app with the tarball installed', () => {
  it.each(Object.entries(TYPECHECKS))('typechecks under moduleResolution %s, and reports the deliberate type errors', async (resolution, [good, bad]) => {
    const tsc = join(app.dir, 'node_modules/.bin/tsc')
    const pass = await app.run(tsc, ['-p', good])
    expect(pass.code, transcript(pass)).toBe(0)
    const fail = await app.run(tsc, ['-p', bad])
    expect(fail.code).not.toBe(0)
    const errors = fail.stdout.split('\n').filter((line) => line.includes('error TS'))
    // Exactly the deliberate ones, each where it was put and saying what is wrong: the types are real, not `any`.
    const expected = DELIBERATE_ERRORS.filter((e) => resolution !== 'bundler' || !e.at.includes('.cts'))
    expect(errors.length, fail.stdout).toBe(expected.length)
    for (const { at, says } of expected) expect(errors.find((line) => line.startsWith(at)), fail.stdout).toContain(says)
  })

  it('builds with Vite, without warnings', async () => {
    const build = await buildApp()
    expect(build.code, transcript(build)).toBe(0)
    expect(`${build.stdout}\n${build.stderr}`).not.toMatch(/warn/i)
  })

  describe('in Chromium, offline', () => {
    let browser: LaunchedBrowser
    let server: TestServer

    beforeAll(async () => {
      const build = await buildApp()
      if (build.code !== 0) throw new Error(`vite build failed\n${transcript(build)}`)
      server = await startTestServer({ staticDirs: { '/app/': join(app.dir, 'dist') } })
      browser = await launchBrowser()
    })

    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    it("runs the README's quick start: the event reaches Segment with the consent stamped; the IIFE sets window.ConsentGuard", async () => {
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(String(error)))
      await page.goto(`${server.url}/app/index.html`)
      const event = await server.waitForEvent((e) => e.event === QUICK_START_EVENT, 30_000)
      expect(event.context?.consent?.categoryPreferences).toEqual({ C0001: true, C0004: false })
      await page.waitForFunction(() => typeof (window as { ConsentGuard?: { consentGuard?: unknown } }).ConsentGuard?.consentGuard === 'function')
      expect(errors).toEqual([])
      browser.guard.assertClean()
    })
  })

  it('is imported by Node and required from CommonJS, with the same names, its package.json and the IIFE path', async () => {
    const imported = await app.run(process.execPath, ['import-check.mjs'])
    expect(imported.code, transcript(imported)).toBe(0)
    const run = await app.run(process.execPath, ['require-check.cjs'])
    expect(run.code, transcript(run)).toBe(0)
    const seen = JSON.parse(run.stdout)
    expect(seen.exports).toEqual([
      'ConsentGuardConfigError', 'consentGuard', 'cookieConsent', 'cookiebot', 'custom', 'decideRouting', 'didomi',
      'googleConsentMode', 'gpp', 'ketch', 'klaro', 'oneTrust', 'osano', 'staticConsent', 'tcf', 'usercentrics',
    ])
    expect(JSON.parse(imported.stdout).exports).toEqual(seen.exports)
    expect(seen.plugin).toBe('Consent Guard')
    expect(seen.consent).toMatchObject({ status: 'decided', categories: { C0001: true } })
    expect(seen.iife).toBe(join(app.dir, 'node_modules/consent-guard/dist/consent-guard.iife.js'))
  })

  it('runs `npx consent-guard audit --help`', async () => {
    const run = await app.run('npx', ['--no-install', 'consent-guard', 'audit', '--help'])
    expect(run.code, transcript(run)).toBe(0)
    expect(run.stdout).toMatch(/^Usage: consent-guard audit <url>/)
  })
})
