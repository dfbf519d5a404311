// @vitest-environment node
import { describe, expect, it } from 'vitest'
import packageJson from '../package.json' with { type: 'json' }
import { debuggerManifest, GECKO_ID, manifestVersion } from './manifest.config'

describe(manifestVersion, () => {
  it('passes a store-valid version through, and refuses one a store would reject', () => {
    for (const v of ['0.1.0', '1', '1.2.3.4', '10.20.30']) expect(manifestVersion(v)).toBe(v)
    for (const v of ['1.2.0-beta.1', '1.2.3.4.5', 'v1.2.3', '', '1..2']) expect(() => manifestVersion(v)).toThrow(/not a valid extension version/)
  })
})

describe(debuggerManifest, () => {
  it('differs between the browsers only in the background and the browser-specific settings', async () => {
    const chrome = (await debuggerManifest('chrome')) as unknown as Record<string, unknown>
    const firefox = (await debuggerManifest('firefox')) as unknown as Record<string, unknown>
    expect(chrome.version).toBe(packageJson.version)
    expect(chrome.background).toEqual({ service_worker: 'service-worker/main.ts', type: 'module' })
    expect(firefox.background).toEqual({ scripts: ['service-worker/main.ts'], type: 'module' })
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: GECKO_ID, data_collection_permissions: { required: ['none'] } } })
    const shared = (m: Record<string, unknown>) => {
      const { background: _b, browser_specific_settings: _f, minimum_chrome_version: _c, ...rest } = m
      return rest
    }
    expect(shared(firefox)).toEqual(shared(chrome))
    expect(chrome.permissions).toEqual(['storage'])
  })
})
