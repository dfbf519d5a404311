/**
 * Scenario names, both ways: `--scenarios reject-all,only:C0002+C0003,gpc`
 * into specs, and a concrete scenario into the stable name the reports use.
 */
import type { ConsentScenario } from './drivers/driver-types'
import type { ScenarioSpec } from './audit-options'
import { AuditUsageError } from './usage-error'

/** A scenario to run: what the driver is asked for, plus whether GPC is on. */
export interface PlannedScenario {
  /** Stable id: `reject-all`, `accept-all`, `only:C0002`, `gpc`. */
  name: string
  consent: ConsentScenario
  gpc: boolean
}

const SIMPLE: Record<string, ScenarioSpec> = {
  'reject-all': { kind: 'reject-all' },
  'accept-all': { kind: 'accept-all' },
  each: { kind: 'each' },
  gpc: { kind: 'gpc' },
}

/** Parses one comma-separated list; throws a usage error naming the bad entry. */
export function parseScenarioList(text: string): ScenarioSpec[] {
  const specs: ScenarioSpec[] = []
  for (const raw of text.split(',')) {
    const item = raw.trim()
    if (!item) continue
    if (SIMPLE[item]) specs.push(SIMPLE[item])
    else if (item.startsWith('only:')) {
      const categories = item.slice(5).split('+').map((c) => c.trim()).filter(Boolean)
      if (categories.length === 0) throw new AuditUsageError(`--scenarios: "${item}" names no category (write only:C0002 or only:C0002+C0003)`)
      specs.push({ kind: 'only', categories })
    } else throw new AuditUsageError(`--scenarios: unknown scenario "${item}" (use reject-all, accept-all, each, gpc, only:<category>[+<category>])`)
  }
  if (specs.length === 0) throw new AuditUsageError('--scenarios: the list is empty')
  return specs
}

/** The report name of a concrete scenario. */
export function scenarioName(consent: ConsentScenario, gpc: boolean): string {
  if (gpc) return consent.kind === 'accept-all' ? 'gpc' : `gpc+${scenarioName(consent, false)}`
  return consent.kind === 'only' ? `only:${consent.categories.join('+')}` : consent.kind
}

/** A planned scenario from its parts. */
export function planned(consent: ConsentScenario, gpc = false): PlannedScenario {
  return { name: scenarioName(consent, gpc), consent, gpc }
}

/**
 * The concrete scenarios, in order, without duplicates. `each` becomes one
 * `only` scenario per category in `categories` except those in `forced`
 * (categories the platform keeps on even after "reject all": alone, they
 * would repeat reject-all).
 */
export function expandScenarios(specs: ScenarioSpec[], categories: string[], forced: string[] = []): PlannedScenario[] {
  const out: PlannedScenario[] = []
  const add = (s: PlannedScenario) => out.some((o) => o.name === s.name) || out.push(s)
  for (const spec of specs) {
    if (spec.kind === 'each') for (const c of categories) if (!forced.includes(c)) add(planned({ kind: 'only', categories: [c] }))
    if (spec.kind === 'gpc') add(planned({ kind: 'accept-all' }, true))
    if (spec.kind === 'reject-all' || spec.kind === 'accept-all') add(planned({ kind: spec.kind }))
    if (spec.kind === 'only') add(planned({ kind: 'only', categories: spec.categories }))
  }
  return out
}
