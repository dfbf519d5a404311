/**
 * Which consent driver to use: `--platform`, else the banner driver when
 * `--selectors` are given, else the platform the plugin names in its
 * `consent` messages, else the first platform whose globals the page has.
 */
import type { Page } from 'playwright-core'
import { consentDrivers, type ConsentDriver } from './drivers/drivers'
import type { Diagnostic } from '../shared/protocol/protocol'
import { AuditUsageError } from './usage-error'

/** The driver for `platform`, or a usage error listing the known ones. */
export function driverFor(platform: string): ConsentDriver {
  const driver = consentDrivers[platform]
  if (!driver) throw new AuditUsageError(`--platform: no driver for "${platform}" (known: ${Object.keys(consentDrivers).join(', ')})`)
  return driver
}

/**
 * Platforms whose globals the page has, most specific first (many platforms
 * also expose `__tcfapi`; Cookiebot also defines `window.CookieConsent`).
 * Self-contained: it runs in the page through `page.evaluate`.
 */
export function pagePlatforms(): string[] {
  const w = window as unknown as Record<string, any>
  const found: string[] = []
  const has = (name: string, test: boolean) => test && found.push(name)
  try {
    has('onetrust', !!w.OneTrust || typeof w.OnetrustActiveGroups === 'string' || !!w.Optanon)
    has('cookiebot', !!w.Cookiebot)
    has('usercentrics', !!w.__ucCmp || !!w.UC_UI)
    has('didomi', !!w.Didomi || Array.isArray(w.didomiOnReady))
    has('osano', !!w.Osano)
    has('ketch', typeof w.ketch === 'function')
    has('klaro', !!w.klaro)
    has('cookieconsent', !!w.CookieConsent && typeof w.CookieConsent.acceptCategory === 'function')
    has('tcf', typeof w.__tcfapi === 'function')
    has('gpp', typeof w.__gpp === 'function')
    has('google-consent-mode', Array.isArray(w.dataLayer) && w.dataLayer.some((e: any) => e && e[0] === 'consent'))
  } catch {
    // a hostile getter: report what was found so far
  }
  return found
}

/** The platform the plugin's consent source is named after, when a driver has that name. */
export function platformFromMessages(messages: Diagnostic[]): string | undefined {
  for (const m of messages) if (m.kind === 'consent' && consentDrivers[m.cmp] && m.cmp !== 'banner') return m.cmp
  return undefined
}

/** Polls the page (and the plugin's messages) until a platform shows up or `timeoutMs` passes. */
export async function detectPlatform(page: Page, messages: Diagnostic[], timeoutMs: number): Promise<string | undefined> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const named = platformFromMessages(messages)
    if (named) return named
    const found = await page.evaluate(pagePlatforms).catch(() => [] as string[])
    if (found.length) return found[0]
    if (Date.now() >= end) return undefined
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
