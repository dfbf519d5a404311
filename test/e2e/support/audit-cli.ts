/**
 * Runs `consent-guard audit` for the e2e tests: in-process through `runCli`
 * (fast, full JSON report), or as the built executable dist/audit.mjs
 * (`ensureAuditBuilt` rebuilds it when its sources are newer), which is
 * what a CI job runs.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli } from '../../../audit/cli'
import { isStale } from './build-freshness'
import type { AuditReport } from '../../../audit/report-types'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))
export const AUDIT_BIN = join(REPO, 'dist/audit.mjs')
const SOURCES = [join(REPO, 'audit'), join(REPO, 'plugin'), join(REPO, 'shared'), join(REPO, 'vite.audit.config.ts')]

export interface AuditRun {
  code: number
  stdout: string
  stderr: string
}

/** A temporary directory holding the given JSON files; returns its path. */
export async function auditFiles(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'consent-guard-audit-test-'))
  for (const [name, value] of Object.entries(files)) await writeFile(join(dir, name), JSON.stringify(value, null, 2))
  return dir
}

/** `consent-guard <args>` in this process, files resolved against `cwd`. */
export async function runAuditInProcess(args: string[], cwd: string): Promise<AuditRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: process.env, cwd })
  return { code, stdout, stderr }
}

/** Like `runAuditInProcess` with `--json`, parsed. */
export async function auditJson(args: string[], cwd: string): Promise<AuditRun & { report: AuditReport }> {
  const run = await runAuditInProcess([...args, '--json'], cwd)
  let report: AuditReport
  try {
    report = JSON.parse(run.stdout) as AuditReport
  } catch {
    throw new Error(`audit printed no JSON report (exit ${run.code}):\n${run.stderr}\n${run.stdout}`)
  }
  return { ...run, report }
}

/** Builds dist/audit.mjs when missing or older than plugin/, shared/ or its config. */
export async function ensureAuditBuilt(): Promise<string> {
  if (!(await isStale(AUDIT_BIN, SOURCES))) return AUDIT_BIN
  const { build } = await import('vite')
  await build({ configFile: join(REPO, 'vite.audit.config.ts'), logLevel: 'warn' })
  return AUDIT_BIN
}

/** Runs the built executable with `node`, as `npm run audit -- <args>` does. */
export function runAuditBin(args: string[], cwd: string): Promise<AuditRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [AUDIT_BIN, ...args], { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 110_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}
