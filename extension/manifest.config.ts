import { defineManifest } from '@crxjs/vite-plugin'

export default defineManifest({
  manifest_version: 3,
  name: 'Consent Guard Debugger',
  version: '0.1.0',
  description: 'Shows, for every Segment event, the consent in force and each destination’s routing decision.',
  devtools_page: 'devtools/devtools.html',
  permissions: ['storage'],
})
