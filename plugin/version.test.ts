import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, it } from 'vitest'
import { PLUGIN_VERSION } from './version'

it('PLUGIN_VERSION (sent in the hello diagnostic) matches package.json', () => {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8'))
  expect(PLUGIN_VERSION).toBe(pkg.version)
})
