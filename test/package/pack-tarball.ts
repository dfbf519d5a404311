/**
 * `npm pack` of this repository, as a publish would make it: `prepack`
 * builds dist/ first, so the tarball is what a user installs.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runCommand, transcript } from './run-command'

export const REPO = resolve(import.meta.dirname, '../..')

export interface PackedTarball {
  /** Absolute path of the .tgz. */
  path: string
  /** Every file in it, relative to the package root. */
  files: string[]
  /** What `npm pack` and the prepack build printed, both streams. */
  output: string
}

/** Packs the repository into a fresh temporary directory. */
export async function packTarball(): Promise<PackedTarball> {
  const destination = await mkdtemp(join(tmpdir(), 'consent-guard-pack-'))
  const run = await runCommand('npm', ['pack', '--json', '--pack-destination', destination], REPO, 300_000)
  if (run.code !== 0) throw new Error(`npm pack failed\n${transcript(run)}`)
  // prepack's own output comes first on stdout; npm's JSON report is the last thing printed.
  const json = /(?:^|\n)(\[\s*\{[\s\S]*)$/.exec(run.stdout)?.[1]
  if (!json) throw new Error(`npm pack printed no JSON report\n${transcript(run)}`)
  const report = JSON.parse(json) as Array<{ filename: string; files: Array<{ path: string }> }>
  return { path: join(destination, report[0].filename), files: report[0].files.map((f) => f.path), output: `${run.stdout}\n${run.stderr}` }
}
