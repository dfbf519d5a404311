import { resolve } from 'node:path'
import * as adapterFactories from '../../plugin/adapters/adapters'
import { adapterEntry, CONSENT_TOOLS_ENTRY, CORE_ENTRY, measureBundle } from '../bundle-size.mjs'
import type { Row } from '../report'

/** Every adapter factory but `custom`, which is measured as part of the core. */
export const ADAPTERS = Object.keys(adapterFactories).filter((name) => name !== 'custom')

const plugin = resolve(import.meta.dirname, '../../plugin')
const part = (module: string, name: string) => `export { ${name} } from '${plugin}/${module}'`

/**
 * What each part of the core weighs bundled alone (shared code counted in
 * each), so the size budget can be discussed part by part. The README's
 * Performance section lists the same parts, checked by the size budget test.
 */
export const CORE_PARTS: Array<[label: string, entry: string]> = [
  ['routing rules, `decideRouting`', part('../shared/routing/decide-routing.ts', 'decideRouting')],
  ['option validation with its errors', part('options/parse-options.ts', 'parseOptions')],
  ['consent tracking: read, subscribe, normalise every state', part('consent/consent-tracker.ts', 'trackConsent')],
  ['`custom()`', part('adapters/custom.ts', 'custom')],
  ['routing table: cache, local destinations, blocked list', part('enforcement/routing-table.ts', 'routingTable')],
  ['diagnostics recorder, the part loaded up front', part('diagnostics/diagnostics-recorder.ts', 'createRecorder')],
  ['lazy loading, the part loaded up front', part('lazy/lazy-destinations.ts', 'lazyDestinations')],
]

/** What each on-demand chunk of the core holds and when a page downloads it, by the chunk's name. */
export const ON_DEMAND_CHUNKS: Record<string, string> = {
  'diagnostics-runtime': 'diagnostics: numbering, delivery accounting, message builders, bounding, posting (once a debugger announces itself, or a listener subscribes)',
  'event-hold': 'the opt-in hold (a page whose opt-in decision is pending at start)',
  'lazy-deferral': 'lazy loading: which destinations wait, their load states (some device-mode destination lacks consent at load)',
  'destination-loaders': 'loading a waiting destination\'s code (its consent arrives)',
  misuse: 'what the guard says about misuse found at load: a second analytics instance, the guard never registered',
}
/** How many of CORE_PARTS, from the first, any core with the public API, routing rules, adapters contract and diagnostics carries whatever its design. */
export const UNAVOIDABLE_PARTS = 4
/** Those parts bundled together (shared code counted once): a floor under any core's size. */
export const UNAVOIDABLE_ENTRY = CORE_PARTS.slice(0, UNAVOIDABLE_PARTS)
  .map(([, entry]) => entry)
  .join('\n')

/** Sizes: core + custom and its parts, each adapter alone, and consent-tools' createWrapper, bundled the same way. */
export async function sizeSection(): Promise<Row[]> {
  const core = await measureBundle('core', CORE_ENTRY)
  const tools = await measureBundle('consent-tools', CONSENT_TOOLS_ENTRY)
  const rows: Row[] = [
    { metric: 'size: core + custom, loaded up front (min+gzip), against the budget', value: core.initial.gzip, unit: 'B', goal: `<= ${tools.gzip} (createWrapper)`, met: core.initial.gzip <= tools.gzip },
    { metric: 'size: core + custom, loaded up front (min+gzip), against the goal', value: core.initial.gzip, unit: 'B', goal: `<= ${Math.round(tools.gzip / 2)} (half of createWrapper)`, met: core.initial.gzip <= tools.gzip / 2 },
    { metric: 'size: core + custom, with on-demand chunks (min+gzip)', value: core.gzip, unit: 'B' },
    { metric: 'size: consent-tools createWrapper (min+gzip)', value: tools.gzip, unit: 'B' },
    { metric: 'size: @segment/analytics-consent-wrapper-onetrust', value: NaN, unit: '', note: 'not served by this npm registry: not measured' },
  ]
  const floor = await measureBundle('unavoidable parts', UNAVOIDABLE_ENTRY)
  rows.push({ metric: `size: the first ${UNAVOIDABLE_PARTS} core parts together, a floor under any core`, value: floor.initial.gzip, unit: 'B', goal: `<= ${tools.gzip}`, met: floor.initial.gzip <= tools.gzip })
  for (const chunk of core.onDemand) {
    rows.push({ metric: `size: on demand, ${ON_DEMAND_CHUNKS[chunk.name] ?? chunk.name}`, value: chunk.gzip, unit: 'B' })
  }
  for (const [label, entry] of CORE_PARTS) {
    const alone = await measureBundle(label, entry)
    rows.push({ metric: `size: core part, ${label}`, value: alone.initial.gzip, unit: 'B' })
  }
  for (const name of ADAPTERS) {
    const alone = await measureBundle(name, adapterEntry(name))
    rows.push({ metric: `size: adapter ${name} alone (min+gzip)`, value: alone.gzip, unit: 'B', goal: '< 1024', met: alone.gzip < 1024 })
  }
  return rows
}
