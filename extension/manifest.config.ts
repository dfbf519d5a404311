/**
 * The debugger's MV3 manifest, one source for Chrome and Firefox.
 * Permissions are the minimum (see docs/debugger.md): `storage` for
 * storage.session; the content scripts' `matches` are the only host access.
 * No web-accessible resources, no externally_connectable: the page can reach
 * the extension only through the checked relay. The version is the npm
 * package's, so a release zip always says which source it came from.
 */
import { defineManifest } from '@crxjs/vite-plugin'
import packageJson from '../package.json' with { type: 'json' }

export type TargetBrowser = 'chrome' | 'firefox'

/** Where the relay and the inspector hook run: ordinary web pages (and 127.0.0.1 in tests). */
const PAGES = ['http://*/*', 'https://*/*']

/** The add-on id Firefox knows the debugger by (also the key for a fixed moz-extension UUID in tests). */
export const GECKO_ID = 'consent-guard-debugger@consent-guard.dev'

/**
 * Firefox 140: the first release (and ESR) that reads
 * `data_collection_permissions`; MAIN-world content scripts need 128 and
 * storage.session 115, so 140 covers all three.
 */
export const FIREFOX_MIN_VERSION = '140.0'
/** Firefox for Android reads `data_collection_permissions` from 142 (it has no DevTools; the panel works as a tab). */
const FIREFOX_ANDROID_MIN_VERSION = '142.0'

export const ICONS = { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' }

/**
 * A store manifest's `version` is one to four dot-separated integers; an npm
 * prerelease such as `1.2.0-beta.1` is not one, and silently shipping another
 * number than the package's would break "manifest version = package version".
 */
export function manifestVersion(packageVersion: string): string {
  if (!/^\d{1,9}(\.\d{1,9}){0,3}$/.test(packageVersion)) {
    throw new Error(`manifest: package version "${packageVersion}" is not a valid extension version (1 to 4 dot-separated integers)`)
  }
  return packageVersion
}

/** The background: a module service worker in Chrome, an event page (scripts) in Firefox, which refuses a lone service_worker. */
function background(browser: TargetBrowser) {
  const entry = 'service-worker/main.ts'
  return browser === 'firefox' ? { scripts: [entry], type: 'module' as const } : { service_worker: entry, type: 'module' as const }
}

/** What only one browser reads: Chrome's minimum version, Firefox's add-on id and data-collection statement. */
function browserSettings(browser: TargetBrowser) {
  if (browser === 'chrome') return { minimum_chrome_version: '120' }
  const settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      // Nothing leaves the browser: page data goes to the extension's own pages only.
      data_collection_permissions: { required: ['none' as const] },
    },
    gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
  }
  // crxjs's manifest type knows `gecko` only; the object is copied to manifest.json as is.
  return { browser_specific_settings: settings as { gecko: typeof settings.gecko } }
}

export function debuggerManifest(browser: TargetBrowser) {
  return defineManifest({
    manifest_version: 3,
    name: 'Consent Guard Debugger',
    version: manifestVersion(packageJson.version),
    description: 'Shows, for every Segment event, the consent in force and each destination’s routing decision.',
    icons: ICONS,
    ...browserSettings(browser),
    devtools_page: 'devtools/devtools.html',
    background: background(browser),
    content_scripts: [
      {
        matches: PAGES,
        js: ['content-script/relay.iife.ts'],
        run_at: 'document_start',
        all_frames: false,
        world: 'ISOLATED',
      },
      {
        matches: PAGES,
        js: ['content-script/inspector-hook.iife.ts'],
        run_at: 'document_start',
        all_frames: false,
        world: 'MAIN',
      },
    ],
    permissions: ['storage'],
  })
}

export default debuggerManifest('chrome')
