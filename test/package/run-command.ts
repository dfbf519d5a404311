/**
 * Runs a command for the package tests and keeps its output, never throwing:
 * the test decides what a non-zero exit means and shows the output when it
 * fails. npm's own `npm_*` variables (set when `npm test` runs us) are
 * dropped, so a child npm reads its configuration like a user's shell would.
 */
import { execFile } from 'node:child_process'

export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

const cleanEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')))

/** `command args...` in `cwd`; resolves with the exit code and both streams. */
export function runCommand(command: string, args: string[], cwd: string, timeoutMs = 240_000): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

/** The output of a run, for a failure message. */
export const transcript = (run: CommandResult): string => `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`
