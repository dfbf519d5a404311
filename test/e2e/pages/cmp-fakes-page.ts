/**
 * Second entry of the test page bundles (built by vite.pages.config.ts into
 * test/e2e/pages/dist/cmp-fakes-page.js, served at /pages/cmp-fakes-page.js):
 * the fakes of test/fakes for the consent platforms whose code is not public
 * (the others are served as their real libraries, see
 * test/e2e/support/real-cmp-libraries.ts), the same code the adapters'
 * unit tests run in happy-dom, exposed to plain-HTML test pages as
 * `window.CmpFakes`. A page loads it before analytics-page.js, creates a
 * fake in its setup script and calls the fake's install/load steps.
 *
 * The fakes import `vitest` for test-harness cleanup (`afterEach`,
 * `onTestFinished`); in the page that import resolves to no-ops (see
 * vite.pages.config.ts), since a page is thrown away after its test.
 */
import { cookiebotFake } from '../../fakes/cookiebot-fake'
import { didomiFake } from '../../fakes/didomi-fake'
import { googleTagFake } from '../../fakes/google-consent-mode-fake'
import { ketchFake } from '../../fakes/ketch-fake'
import { oneTrustFake } from '../../fakes/one-trust-fake'
import { osanoFake } from '../../fakes/osano-fake'
import { usercentricsFake } from '../../fakes/usercentrics-fake'

/** Runs `action` once `document.body` exists (a script in `<head>` runs before it does). */
function whenBodyExists(action: () => void): void {
  if (document.body) action()
  else document.addEventListener('DOMContentLoaded', () => action(), { once: true })
}

/**
 * Osano's fake renders its dialog into `document.body` when osano.js "loads";
 * in a real page the tag loads async, so here `load()` waits for the body
 * (the adapter must cope with the CMP arriving after the plugin anyway).
 */
function osanoInPage(options?: Parameters<typeof osanoFake>[0]) {
  const fake = osanoFake(options)
  return { ...fake, load: () => whenBodyExists(fake.load) }
}

const fakes = {
  cookiebotFake,
  didomiFake,
  googleTagFake,
  ketchFake,
  oneTrustFake,
  osanoFake: osanoInPage,
  usercentricsFake,
}

/** What `window.CmpFakes` holds (for typed `page.evaluate` callbacks). */
export type CmpFakes = typeof fakes

;(window as unknown as { CmpFakes: CmpFakes }).CmpFakes = fakes
