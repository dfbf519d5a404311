/**
 * A temporary app that installs the packed tarball with exact versions of
 * Vite, TypeScript and analytics-next, from npm's cache where it can.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { appFiles } from './app-files'
import { runCommand, transcript, type CommandResult } from './run-command'

export interface ConsumerApp {
  dir: string
  /** Runs a command in the app. */
  run(command: string, args: string[]): Promise<CommandResult>
  /** Deletes the app. */
  remove(): Promise<void>
}

/** Writes the app and runs `npm install` in it; throws with npm's output when the install fails. */
export async function createConsumerApp(tarball: string): Promise<ConsumerApp> {
  const dir = await mkdtemp(join(tmpdir(), 'consent-guard-consumer-'))
  for (const [path, contents] of Object.entries(appFiles(tarball))) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), contents)
  }
  const install = await runCommand('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], dir, 300_000)
  if (install.code !== 0) throw new Error(`npm install of the tarball failed\n${transcript(install)}`)
  return {
    dir,
    run: (command, args) => runCommand(command, args, dir),
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}
