/**
 * `npm run audit -- <url> --json > report.json` from a checkout: stdout must
 * hold the report alone, so npm's script banners and the build's own output
 * must stay out (the repository's .npmrc hides npm's; the build prints only
 * problems, on stderr).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../servers/test-server'
import { REPO } from '../package/pack-tarball'
import { runCommand, transcript } from '../package/run-command'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ pages: { '/plain.html': '<!doctype html><title>plain</title><p>No analytics here.</p>' } })
})

afterAll(async () => {
  await server?.close()
})

describe('npm run audit -- <url> --json', () => {
  it('prints the JSON report and nothing else on stdout', async () => {
    const args = ['--json', '--scenarios', 'only:reject-all', '--no-extension', '--allow-hosts', '127.0.0.1', '--quiet', '300', '--settle', '3000']
    const run = await runCommand('npm', ['run', 'audit', '--', `${server.url}/plain.html`, ...args], REPO)
    let report: { format?: string; url?: string } = {}
    expect(() => (report = JSON.parse(run.stdout)), transcript(run)).not.toThrow()
    expect(report.format).toBe('consent-guard-audit')
    expect(report.url).toBe(`${server.url}/plain.html`)
    // The audit's progress still reaches the person at the terminal, on stderr.
    expect(run.stderr).toContain('consent-guard audit: only:reject-all')
  })
})
