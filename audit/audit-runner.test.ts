import { describe, expect, it } from 'vitest'
import { resolveOptions } from './audit-config'
import { runAudit } from './audit-runner'
import { parseScenarioList } from './scenario-spec'
import type { ScenarioRun } from './scenario-runner'
import { pluginMessages, recording } from './testing/recording-fixtures'

/** Runs the planner with scenarios "run" by a fake: the platform lists C0001-C0004 and keeps C0001 on. */
async function plan(scenarios: string, extra: { categories?: string[]; failFirst?: 'page' | 'driver' } = {}) {
  const ran: string[] = []
  const options = resolveOptions({ url: 'http://127.0.0.1:4010/', json: true, headed: false, extension: false, scenarios: parseScenarioList(scenarios), ...(extra.categories ? { categories: extra.categories } : {}) })
  const report = await runAudit(options, {
    chromium: {} as never,
    env: { CHROME_PATH: process.execPath },
    log: () => undefined,
    runScenario: async (run: ScenarioRun) => {
      ran.push(run.scenario.name)
      const first = ran.length === 1
      const decided = run.scenario.consent.kind === 'reject-all' ? { C0001: true, C0002: false, C0003: false } : { C0001: true, C0002: true, C0003: true }
      const r = recording({ scenario: run.scenario, messages: pluginMessages(decided), platformCategories: ['C0001', 'C0002', 'C0003'] })
      // As runScenario does: a failure is also an error of the recording.
      if (first && extra.failFirst === 'driver') Object.assign(r, { drive: { ...r.drive!, ok: false, detail: 'no banner' }, errors: ['the driver could not apply it'] })
      if (first && extra.failFirst === 'page') r.errors.push('the page did not load: HTTP 500')
      return { recording: r, platform: 'onetrust', fatal: first && extra.failFirst === 'page' }
    },
  })
  return { ran, report }
}

describe(runAudit, () => {
  it('expands "each" from the platform’s categories, without those "reject all" leaves on', async () => {
    const { ran, report } = await plan('reject-all,accept-all,each,gpc')
    expect(ran).toEqual(['reject-all', 'accept-all', 'only:C0002', 'only:C0003', 'gpc'])
    expect(report).toMatchObject({ platform: 'onetrust', exitCode: 0, summary: { scenarios: 5, verdict: 'pass' } })
  })

  it('runs reject-all first when "each" is all that was asked and no --categories given', async () => {
    expect((await plan('each')).ran).toEqual(['reject-all', 'only:C0002', 'only:C0003'])
    expect((await plan('each', { categories: ['C0003'] })).ran).toEqual(['only:C0003'])
  })

  it('stops after the first scenario when the page or the driver cannot work at all', async () => {
    for (const failFirst of ['page', 'driver'] as const) {
      const { ran, report } = await plan('reject-all,accept-all', { failFirst })
      expect(ran).toEqual(['reject-all'])
      expect(report.notes.join('\n')).toMatch(/Stopped after the first scenario/)
      expect(report.exitCode).toBe(2)
    }
  })
})
