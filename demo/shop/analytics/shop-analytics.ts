/**
 * The shop's analytics setup, exactly as a site would write it: the real
 * analytics-next with Consent Guard reading OneTrust. A site imports from
 * 'consent-guard'; the demo imports the package's source entry, so it
 * always runs the current code.
 */
import { AnalyticsBrowser } from '@segment/analytics-next'
import { consentGuard, oneTrust } from '../../../plugin/index'
import { demoConfig } from '../demo-config'

const config = demoConfig()

/** The guard: also on `window.consentGuard`, to poke at from the console. */
export const guard = consentGuard({
  cmp: oneTrust(),
  // The default hold is 10 s; a demo visitor reads the banner for longer, and
  // the held page view should still reach Segment once they choose.
  waitForConsent: { timeoutMs: 300_000 },
  // Tells the debugger's network check which requests are each vendor's.
  destinationHosts: config.destinationHosts,
})

/** analytics-next, loading its settings from the local CDN (which also points Segment.io at the local sink). */
export const analytics = AnalyticsBrowser.load(
  { writeKey: config.writeKey, cdnURL: config.cdnUrl, plugins: [guard] },
  guard.loadOptions(),
)

Object.assign(window, { analytics, consentGuard: guard })
