/**
 * The built npm package, as a consumer sees it: the exports map resolves for
 * `import` and `require`, both builds and the IIFE expose the same names, the
 * types exist, and analytics-next stays a peer (never bundled).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'))
const EXPECTED = [
  'ConsentGuardConfigError', 'consentGuard', 'cookieConsent', 'cookiebot', 'custom', 'decideRouting', 'didomi',
  'googleConsentMode', 'gpp', 'ketch', 'klaro', 'oneTrust', 'osano', 'staticConsent', 'tcf', 'usercentrics',
]

describe('the consent-guard package', () => {
  it('resolves through its exports map for import and require, with the same names', async () => {
    const esm = await import(pathToFileURL(resolve(root, pkg.exports['.'].import)).href)
    const cjs = createRequire(import.meta.url)(resolve(root, pkg.exports['.'].require))
    expect(Object.keys(esm).sort()).toEqual(EXPECTED)
    expect(Object.keys(cjs).sort()).toEqual(EXPECTED)
    expect(existsSync(resolve(root, pkg.exports['.'].types))).toBe(true)
  })

  it('leaves analytics-next out of the bundles (a peer dependency)', () => {
    expect(pkg.peerDependencies['@segment/analytics-next']).toBe('>=1.67.0')
    expect(pkg.sideEffects).toBe(false)
    const esm = readFileSync(resolve(root, pkg.exports['.'].import), 'utf8')
    expect(esm).not.toContain('analytics-next/dist')
    expect(esm).not.toMatch(/class AnalyticsBrowser/)
  })

  it('ships every chunk its builds load, statically or on demand', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>
    const shipped = new Set(packed.files.map((f) => f.path))
    const pending = [pkg.exports['.'].import, pkg.exports['.'].require].map((p: string) => p.replace(/^\.\//, ''))
    const seen = new Set<string>()
    while (pending.length) {
      const file = pending.pop()!
      if (seen.has(file)) continue
      seen.add(file)
      expect(shipped, `${file} is loaded but not in the package`).toContain(file)
      const code = readFileSync(resolve(root, file), 'utf8')
      for (const [, rel] of code.matchAll(/(?:from|import\(|require\()\s*["'`]\.\/([^"'`]+)["'`]/g)) pending.push(`dist/${rel}`)
    }
    expect(seen.size).toBeGreaterThan(2) // the entries and at least their on-demand chunks
  })

  it('the IIFE build sets window.ConsentGuard with every named export', () => {
    // A script's top-level `var` becomes a property of the global object: in a browser, window.ConsentGuard.
    const page: Record<string, unknown> = {}
    vm.runInNewContext(readFileSync(resolve(root, 'dist/consent-guard.iife.js'), 'utf8'), page)
    expect(Object.keys(page.ConsentGuard as object).sort()).toEqual(EXPECTED)
  })
})
