import { adapterEntry, CONSENT_TOOLS_ENTRY, CORE_ENTRY, measureBundle } from '../bundle-size.mjs'
import type { Row } from '../report'

export const ADAPTERS = ['oneTrust', 'tcf', 'gpp', 'googleConsentMode', 'cookiebot', 'usercentrics', 'didomi', 'osano', 'ketch', 'klaro', 'cookieConsent', 'staticConsent']

/** Sizes: core + custom, each adapter alone, and consent-tools' createWrapper, bundled the same way. */
export async function sizeSection(): Promise<Row[]> {
  const core = await measureBundle('core', CORE_ENTRY)
  const tools = await measureBundle('consent-tools', CONSENT_TOOLS_ENTRY)
  const rows: Row[] = [
    { metric: 'size: core + custom, loaded up front (min+gzip)', value: core.initial.gzip, unit: 'B', goal: `<= ${Math.round(tools.gzip / 2)} (half of createWrapper); budget <= ${tools.gzip}`, met: core.initial.gzip <= tools.gzip / 2 },
    { metric: 'size: core + custom, with on-demand chunks (min+gzip)', value: core.gzip, unit: 'B' },
    { metric: 'size: consent-tools createWrapper (min+gzip)', value: tools.gzip, unit: 'B' },
    { metric: 'size: @segment/analytics-consent-wrapper-onetrust', value: NaN, unit: '', note: 'not served by this npm registry: not measured' },
  ]
  for (const name of ADAPTERS) {
    const alone = await measureBundle(name, adapterEntry(name))
    rows.push({ metric: `size: adapter ${name} alone (min+gzip)`, value: alone.gzip, unit: 'B', goal: '< 1024', met: alone.gzip < 1024 })
  }
  return rows
}
