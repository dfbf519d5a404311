/**
 * The README's pictures come from demo/screenshots.mjs on the real build.
 * CI runs the script (into a temporary folder) so it cannot rot silently:
 * it must produce every picture the docs show, at the documented size.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const out = mkdtempSync(join(tmpdir(), 'consent-guard-shots-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (file: string) => {
  const b = readFileSync(file)
  expect(b.subarray(1, 4).toString()).toBe('PNG')
  return [b.readUInt32BE(16), b.readUInt32BE(20)]
}

it('demo/screenshots.mjs produces every demo picture the docs use', () => {
  const run = spawnSync(process.execPath, ['demo/screenshots.mjs', '--out', out], { cwd: root, encoding: 'utf8', timeout: 240_000 })
  expect(run.status, run.stderr + run.stdout).toBe(0)
  const committed = readdirSync(join(root, 'docs/images')).filter((f) => f.startsWith('demo-'))
  expect(committed.length).toBeGreaterThanOrEqual(5)
  expect(readdirSync(out).sort()).toEqual(committed.sort())
  for (const file of committed) expect(pngSize(join(out, file))).toEqual(pngSize(join(root, 'docs/images', file)))
}, 300_000)
