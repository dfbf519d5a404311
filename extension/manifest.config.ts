/**
 * The debugger's MV3 manifest. Permissions are the minimum (see
 * docs/debugger.md): `storage` for chrome.storage.session; the content
 * scripts' `matches` are the only host access. No web-accessible resources,
 * no externally_connectable: the page can reach the extension only through
 * the checked relay.
 */
import { defineManifest } from '@crxjs/vite-plugin'

/** Where the relay and the inspector hook run: ordinary web pages (and 127.0.0.1 in tests). */
const PAGES = ['http://*/*', 'https://*/*']

export default defineManifest({
  manifest_version: 3,
  name: 'Consent Guard Debugger',
  version: '0.1.0',
  description: 'Shows, for every Segment event, the consent in force and each destination’s routing decision.',
  minimum_chrome_version: '120',
  devtools_page: 'devtools/devtools.html',
  background: { service_worker: 'service-worker/main.ts', type: 'module' },
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
