/**
 * The proof on the demo (issue: consent audits): `consent-guard audit` over
 * the demo shop audits clean under every scenario, and the deliberately
 * leaky variant (`npm start -- --leaky`, a hard-coded Facebook Pixel tag
 * outside the plugin's control) fails with the leak named: scenario,
 * destination and URL.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { LEAKY_DESTINATION } from '../../demo/server/leaky-tag'
import { auditFiles, auditJson } from './support/audit-cli'
import { startDemo, type DemoProcess } from './support/demo-process'

const STEPS = [{ click: 'button[aria-label^="Add "]' }]
let demo: DemoProcess | undefined

afterEach(async () => {
  await demo?.stop()
  demo = undefined
})

async function audit(leaky: boolean) {
  demo = await startDemo(['--port', '0', '--skip-build', 'plugin,extension', ...(leaky ? ['--leaky'] : [])])
  const dir = await auditFiles({ 'steps.json': STEPS })
  return auditJson(['audit', `${demo.url}/`, '--platform', 'onetrust', '--steps', 'steps.json'], dir)
}

describe('consent-guard audit on the demo shop', () => {
  it('the demo audits clean under every scenario', async () => {
    const { code, report, stderr } = await audit(false)
    expect(report.scenarios.map((s) => [s.scenario, s.status, s.leaks.length])).toEqual(report.scenarios.map((s) => [s.scenario, 'audited', 0]))
    expect(report.scenarios.map((s) => s.scenario)).toEqual(expect.arrayContaining(['reject-all', 'accept-all', 'gpc']))
    expect(code, stderr).toBe(0)
  }, 240_000)

  it('the leaky variant fails, naming the scenario, the destination and the URL', async () => {
    const { code, report } = await audit(true)
    expect(code).toBe(1)
    const rejectAll = report.scenarios.find((s) => s.scenario === 'reject-all')!
    expect(rejectAll.leaks).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'request', destination: LEAKY_DESTINATION, url: expect.stringContaining('/vendor/facebook-pixel/pageview') })]),
    )
  }, 240_000)
})
