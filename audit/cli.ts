// Node types: the package's .d.ts build (tsconfig.types.json) compiles plugin/** with "types": [].
/// <reference types="node" />
/**
 * `consent-guard audit <url>`: parses the command line, reads the files it
 * names, runs the audit and writes the outputs. Returns the exit code; all
 * I/O goes through `CliIo` so tests run it in-process.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { BrowserType } from 'playwright-core'
import { PLUGIN_VERSION } from '../plugin/version'
import { resolveOptions, type AuditFiles } from './audit-config'
import { runAudit } from './audit-runner'
import { htmlReport } from './html-report'
import { loadChromium } from './load-playwright'
import { parseArgs, USAGE } from './parse-args'
import { textReport } from './text-report'
import { AuditUsageError } from './usage-error'

export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  env: Record<string, string | undefined>
  cwd: string
  /** Test seam: defaults to loading playwright-core. */
  loadChromium?: () => Promise<BrowserType>
}

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t), env: process.env, cwd: process.cwd() }
}

async function readJson(cwd: string, path: string, flag: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(resolve(cwd, path), 'utf8')
  } catch (error) {
    throw new AuditUsageError(`${flag} ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new AuditUsageError(`${flag} ${path}: not valid JSON (${(error as Error).message})`)
  }
}

/** Runs the CLI; resolves to the exit code (0 clean, 1 leak, 2 usage error or incomplete audit). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseArgs(argv)
    if (command.kind === 'help') return io.stdout(USAGE), 0
    if (command.kind === 'version') return io.stdout(`consent-guard ${PLUGIN_VERSION}\n`), 0
    const flags = command.flags
    const files: AuditFiles = {}
    if (flags.configFile) files.config = await readJson(io.cwd, flags.configFile, '--config')
    if (flags.stepsFile) files.steps = await readJson(io.cwd, flags.stepsFile, '--steps')
    if (flags.selectorsFile) files.selectors = await readJson(io.cwd, flags.selectorsFile, '--selectors')
    const options = resolveOptions(flags, files)
    const chromium = await (io.loadChromium ?? loadChromium)()
    const report = await runAudit(options, { chromium, env: io.env, log: (line) => io.stderr(`${line}\n`) })
    io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : textReport(report))
    if (options.html) {
      const path = resolve(io.cwd, options.html)
      await writeFile(path, htmlReport(report), 'utf8')
      io.stderr(`consent-guard audit: HTML report written to ${path}\n`)
    }
    return report.exitCode
  } catch (error) {
    if (error instanceof AuditUsageError) {
      io.stderr(`consent-guard: ${error.message}\n`)
      return 2
    }
    io.stderr(`consent-guard audit failed: ${(error as Error)?.stack ?? String(error)}\n`)
    return 2
  }
}
