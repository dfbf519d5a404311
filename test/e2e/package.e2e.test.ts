/**
 * The built npm package, as a consumer sees it: the exports map resolves for
 * `import` and `require`, both builds and the IIFE expose the same names, the
 * types exist, and analytics-next stays a peer (never bundled).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
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
    expect(pkg.peerDependencies['@segment/analytics-next']).toBe('>=1.68.0')
    expect(pkg.sideEffects).toBe(false)
    const esm = readFileSync(resolve(root, pkg.exports['.'].import), 'utf8')
    expect(esm).not.toContain('analytics-next/dist')
    expect(esm).not.toMatch(/class AnalyticsBrowser/)
    // Lazy loading imports the site's own analytics-next loaders, on demand only: ES modules from dist/pkg, CommonJS from dist/cjs.
    const chunks = (ext: string) => readdirSync(resolve(root, 'dist')).filter((f) => f.startsWith('destination-loaders-') && f.endsWith(ext))
    const esmLoaders = readFileSync(resolve(root, 'dist', chunks('.js')[0]), 'utf8')
    const cjsLoaders = readFileSync(resolve(root, 'dist', chunks('.cjs')[0]), 'utf8')
    expect(esmLoaders).toContain('"@segment/analytics-next/dist/pkg/plugins/remote-loader/index.js"')
    expect(esmLoaders).not.toContain('dist/cjs/')
    expect(cjsLoaders).toContain('require("@segment/analytics-next/dist/cjs/plugins/remote-loader/index.js")')
    expect(cjsLoaders).not.toContain('dist/pkg/')
  })

  it('the IIFE build sets window.ConsentGuard with every named export', () => {
    // A script's top-level `var` becomes a property of the global object: in a browser, window.ConsentGuard.
    const page: Record<string, unknown> = {}
    vm.runInNewContext(readFileSync(resolve(root, 'dist/consent-guard.iife.js'), 'utf8'), page)
    expect(Object.keys(page.ConsentGuard as object).sort()).toEqual(EXPECTED)
  })
})
