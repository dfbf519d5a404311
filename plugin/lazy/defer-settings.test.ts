import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isInstallableIntegration } from '../../shared/routing/destinations'
import type { CdnSettingsLike } from '../../shared/routing/types'
import { withoutDestinationCode } from './defer-settings'

const entry = fc.record(
  {
    type: fc.constantFrom('browser', 'server', undefined),
    bundlingStatus: fc.constantFrom('bundled', 'unbundled', undefined),
    versionSettings: fc.record(
      { version: fc.constantFrom('1.0.0', 'latest'), componentTypes: fc.subarray(['browser', 'server', 'ios']) },
      { requiredKeys: ['version'] },
    ),
    consentSettings: fc.record({ categories: fc.subarray(['C1', 'C2', 'C3']) }),
  },
  { requiredKeys: ['versionSettings', 'consentSettings'] },
)
const names = fc.uniqueArray(fc.constantFrom<string>('Hotjar', 'Braze', 'Segment.io', 'Segment Profiles', 'Iterable', 'Ads', 'Pixel'), { minLength: 1 })

const settingsAndDeferred = names.chain((keys) =>
  fc.record({
    settings: fc.record({
      integrations: fc.tuple(...keys.map(() => entry)).map((entries) => Object.fromEntries(keys.map((k, i) => [k, entries[i]]))),
      remotePlugins: fc.subarray(keys).map((action) => action.map((name) => ({ name: `${name} Web`, creationName: name, url: `https://cdn.test/${name}.js`, libraryName: name, settings: {} }))),
    }) as fc.Arbitrary<CdnSettingsLike>,
    deferred: fc.subarray(keys).map((d) => new Set<string>(d)),
  }),
)

describe(withoutDestinationCode, () => {
  it('keeps every integrations key and bundlingStatus, so _metadata.bundled is what it would be with consent', () => {
    fc.assert(
      fc.property(settingsAndDeferred, ({ settings, deferred }) => {
        const before = structuredClone(settings)
        const result = withoutDestinationCode(settings, deferred, isInstallableIntegration)
        expect(Object.keys(result.integrations)).toEqual(Object.keys(settings.integrations))
        for (const [name, e] of Object.entries(settings.integrations)) {
          expect(result.integrations[name].bundlingStatus).toBe(e.bundlingStatus)
          expect(result.integrations[name].consentSettings).toEqual(e.consentSettings)
        }
        expect(settings).toEqual(before) // the caller's settings are not mutated
      }),
    )
  })

  it('makes exactly the deferred destinations lose their code: classic not installable, action not in remotePlugins', () => {
    fc.assert(
      fc.property(settingsAndDeferred, ({ settings, deferred }) => {
        const result = withoutDestinationCode(settings, deferred, isInstallableIntegration)
        for (const [name, e] of Object.entries(settings.integrations)) {
          if (deferred.has(name)) expect(isInstallableIntegration(name, result.integrations[name])).toBe(false)
          else expect(result.integrations[name]).toEqual(e)
        }
        expect(result.remotePlugins).toEqual(settings.remotePlugins!.filter((p) => !deferred.has(p.creationName)))
      }),
    )
  })
})
