import { describe, expect, it } from 'vitest'
import { runCli, type CliIo } from './cli'

function io(env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' }
  const value: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    env,
    cwd: '/nonexistent-dir',
    // No browser in unit tests: every case here stops before one is needed.
    loadChromium: async () => ({}) as never,
  }
  return { io: value, out }
}

describe(runCli, () => {
  it('prints the usage with exit code 0', async () => {
    const { io: cli, out } = io()
    expect(await runCli(['--help'], cli)).toBe(0)
    expect(out.stdout).toMatch(/^Usage: consent-guard audit <url>/)
  })

  it('exits 2 with one clear line on a usage error, never a stack trace', async () => {
    for (const [argv, message] of [
      [['audit'], 'consent-guard: audit needs the URL of the page: consent-guard audit <url>'],
      [['audit', 'http://127.0.0.1/', '--steps', 'missing.json'], 'consent-guard: --steps missing.json: cannot read it (ENOENT)'],
      [['audit', 'http://127.0.0.1/', '--chrome', '/no/such/chrome'], 'consent-guard: no browser at /no/such/chrome (--chrome)'],
    ] as const) {
      const { io: cli, out } = io()
      expect(await runCli(argv, cli)).toBe(2)
      expect(out.stderr.trim()).toBe(message)
      expect(out.stdout).toBe('')
    }
  })
})
