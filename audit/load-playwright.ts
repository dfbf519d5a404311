/**
 * playwright-core is an optional peer dependency: only the audit needs it,
 * so it is loaded on demand, with install instructions when it is missing.
 */
import type { BrowserType } from 'playwright-core'
import { AuditUsageError } from './usage-error'

export const INSTALL_PLAYWRIGHT =
  'audit needs playwright-core, an optional peer dependency of consent-guard.\n' +
  'Install it next to consent-guard:  npm install --save-dev playwright-core\n' +
  'It drives the Chromium or Chrome already on the machine (no browser download): set CHROME_PATH or pass --chrome <path>.'

/** playwright-core's `chromium`, or a usage error saying how to install it. */
export async function loadChromium(): Promise<BrowserType> {
  try {
    const playwright = await import('playwright-core')
    return playwright.chromium
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new AuditUsageError(INSTALL_PLAYWRIGHT)
    throw error
  }
}
