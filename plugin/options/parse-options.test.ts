import { describe, expect, it } from 'vitest'
import { ConsentGuardConfigError } from './config-error'
import { parseOptions } from './parse-options'

const cmp = { name: 'test', read: () => ({ status: 'pending' as const, categories: {}, source: 'test' }) }

describe(parseOptions, () => {
  it('fills every default', () => {
    expect(parseOptions({ cmp })).toMatchObject({
      categoryRule: 'all',
      unmappedDestinations: 'allow',
      waitForConsent: { timeoutMs: 10000, maxEvents: 1000 },
      gpc: false,
      consentChangedEvent: true,
      lazyDestinations: true,
      enforceCloudMode: false,
      diagnostics: 'auto',
      integrationCategoryMappings: {},
      destinationHosts: {},
    })
  })

  it.each([
    [{ cmp, colour: 'red' }, 'colour'],
    [{}, 'cmp'],
    [{ cmp: { name: 'x' } }, 'cmp'],
    [{ cmp, consentModel: 'opt-maybe' }, 'consentModel'],
    [{ cmp, categoryRule: 'most' }, 'categoryRule'],
    [{ cmp, unmappedDestinations: true }, 'unmappedDestinations'],
    [{ cmp, waitForConsent: { timeoutMs: -1 } }, 'waitForConsent.timeoutMs'],
    [{ cmp, waitForConsent: { maxEvent: 3 } }, 'waitForConsent.maxEvent'],
    [{ cmp, gpc: { deny: 'C0004' } }, 'gpc.deny'],
    [{ cmp, gpc: { deny: [], allow: [] } }, 'gpc'],
    [{ cmp, integrationCategoryMappings: { Amp: ['C1', 2] } }, 'integrationCategoryMappings.Amp'],
    [{ cmp, integrationCategoryMappings: ['C1'] }, 'integrationCategoryMappings'],
    [{ cmp, destinationHosts: { Amp: 'https://amp' } }, 'destinationHosts.Amp'],
    [{ cmp, diagnostics: 'verbose' }, 'diagnostics'],
    [{ cmp, lazyDestinations: 'yes' }, 'lazyDestinations'],
  ])('throws ConsentGuardConfigError naming the option for %j', (input, option) => {
    try {
      parseOptions(input)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ConsentGuardConfigError)
      expect((error as ConsentGuardConfigError).option).toBe(option)
      expect((error as Error).message).toContain(`\`${option}\``)
    }
  })
})
