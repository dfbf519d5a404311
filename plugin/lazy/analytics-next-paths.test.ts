// @vitest-environment node
/**
 * The lazy-loading chunks deep-import analytics-next's own modules, which are not
 * its public API: every path it imports must exist, as ES module and as its
 * CommonJS twin, in both ends of the supported range, and the lowest end the
 * package claims must be the version CI runs the lazy-loading e2e against.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const json = (path: string) => JSON.parse(readFileSync(resolve(root, path), 'utf8'))
// The loaders chunk, and the switch check the deferral shares with it (a destination switched off never waits).
const source = ['destination-loaders.ts', 'switched-off.ts'].map((file) => readFileSync(resolve(import.meta.dirname, file), 'utf8')).join('\n')
const deepImports = [...new Set([...source.matchAll(/from '@segment\/analytics-next\/dist\/pkg\/([^']+)'/g)].map((m) => m[1]))]
const installed = { lowest: 'node_modules/analytics-next-lowest', highest: 'node_modules/@segment/analytics-next' }

describe('analytics-next modules the lazy loaders import', () => {
  it('are the remote loader, the classic loader and its switch check, the routing middleware, merged options and the CDN', () => {
    expect(deepImports.sort()).toEqual([
      'lib/merged-options.js',
      'lib/parse-cdn.js',
      'plugins/ajs-destination/index.js',
      'plugins/ajs-destination/utils.js',
      'plugins/remote-loader/index.js',
      'plugins/routing-middleware/index.js',
    ])
  })

  it.each(Object.entries(installed))('exist in the %s supported version, as ES module and CommonJS', (_end, dir) => {
    for (const path of deepImports) {
      expect(existsSync(resolve(root, dir, 'dist/pkg', path)), `dist/pkg/${path}`).toBe(true)
      expect(existsSync(resolve(root, dir, 'dist/cjs', path)), `dist/cjs/${path}`).toBe(true)
    }
  })

  it('are tested at the ends of the range peerDependencies claims', () => {
    const pkg = json('package.json')
    const lowest = json(`${installed.lowest}/package.json`).version
    expect(pkg.devDependencies['analytics-next-lowest']).toBe(`npm:@segment/analytics-next@${lowest}`)
    expect(pkg.peerDependencies['@segment/analytics-next']).toBe(`>=${lowest}`)
    expect(pkg.devDependencies['@segment/analytics-next']).toBe(json(`${installed.highest}/package.json`).version)
    expect(pkg.scripts.test).toContain('npm run test:e2e:lowest')
  })
})
