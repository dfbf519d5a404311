/**
 * Plans and runs every scenario, one fresh browser each, and builds the
 * report. "Each category alone" needs the page's categories, so it is
 * expanded after the first scenario ran (or from `--categories`); categories
 * the platform keeps on after "reject all" get no scenario of their own.
 */
import type { BrowserType } from 'playwright-core'
import type { AuditOptions } from './audit-options'
import { auditReport } from './audit-report'
import { consentTruth } from './consent-truth'
import { findChrome, findExtension } from './launch-browser'
import type { ScenarioRecording } from './recording'
import type { AuditReport, ScenarioReport } from './report-types'
import { runScenario } from './scenario-runner'
import { scenarioReport } from './scenario-report'
import { expandScenarios, type PlannedScenario } from './scenario-spec'

export interface AuditDeps {
  chromium: BrowserType
  env: Record<string, string | undefined>
  /** Progress lines (stderr in the CLI). */
  log(line: string): void
  /** Test seam: runs one scenario in a browser. */
  runScenario?: typeof runScenario
}

/** Categories a recording knows: the platform's list, else the plugin's consent states and settings. */
export function categoriesOf(recording: ScenarioRecording): string[] {
  if (recording.platformCategories.length) return recording.platformCategories
  const found = new Set<string>()
  for (const m of recording.messages) {
    if (m.kind === 'consent') for (const c of Object.keys(m.state.categories)) found.add(c)
    if (m.kind === 'settings' || m.kind === 'inspector-settings') for (const c of m.allCategories) found.add(c)
  }
  return [...found]
}

export async function runAudit(options: AuditOptions, deps: AuditDeps): Promise<AuditReport> {
  const startedAt = Date.now()
  const executablePath = findChrome(options.chromePath, deps.env)
  const extension = findExtension(options.extension)
  const notes = extension.note ? [extension.note] : []
  const eachAsked = options.scenarios.some((s) => s.kind === 'each')
  let specs = options.scenarios
  // "each" alone, with nothing to learn the categories from: reject-all first (it also tells which are always on).
  if (eachAsked && !options.categories && specs[0].kind === 'each') specs = [{ kind: 'reject-all' }, ...specs]

  const reports: ScenarioReport[] = []
  const done = new Set<string>()
  let platform: string | undefined
  let categories = options.categories
  let forced: string[] = []
  let extensionLoaded = false

  const run = async (scenario: PlannedScenario): Promise<boolean> => {
    if (done.has(scenario.name)) return true
    done.add(scenario.name)
    deps.log(`consent-guard audit: ${scenario.name} ...`)
    const outcome = await (deps.runScenario ?? runScenario)({ chromium: deps.chromium, executablePath, extensionDir: extension.dir, options, scenario, platform })
    platform ??= outcome.platform
    extensionLoaded ||= outcome.recording.extension
    const report = scenarioReport(outcome.recording, options)
    reports.push(report)
    deps.log(`consent-guard audit: ${scenario.name}: ${report.leaks.length} leak(s)${report.status === 'incomplete' ? ', incomplete' : ''}`)
    if (categories === undefined && outcome.recording.drive) categories = categoriesOf(outcome.recording)
    if (scenario.consent.kind === 'reject-all' && !scenario.gpc) forced = consentTruth(outcome.recording, options).forced
    // A driver that cannot act on the first scenario is set up wrong (platform, selectors): every scenario would fail alike.
    const driverBroken = reports.length === 1 && outcome.recording.drive?.ok === false
    return !outcome.fatal && !driverBroken
  }

  outer: for (const spec of specs) {
    const planned = spec.kind === 'each' ? expandScenarios([spec], categories ?? [], forced) : expandScenarios([spec], [])
    if (spec.kind === 'each' && planned.length === 0) notes.push('"each category alone" was asked for, but no category is known: pass --categories.')
    for (const scenario of planned) {
      if (await run(scenario)) continue
      notes.push('Stopped after the first scenario: the page or its consent platform could not be audited, so every scenario would fail the same way.')
      break outer
    }
  }
  if (extension.dir && !extensionLoaded) notes.push('The debugger extension was given but its service worker never started; pages without the plugin are audited from the network only.')
  return auditReport({ url: options.url, startedAt, finishedAt: Date.now(), extension: extensionLoaded, platform, notes, allowUnjudged: options.allowUnjudged }, reports)
}
