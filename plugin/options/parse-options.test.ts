import { describe, expect, it } from 'vitest'
import { ConsentGuardConfigError } from './config-error'
import { parseOptions } from './parse-options'

const cmp = { name: 'test', read: () => ({ status: 'pending' as const, categories: {}, source: 'test' }) }

/** What `parseOptions` threw for `input`. */
function thrown(input: unknown): ConsentGuardConfigError {
  try {
    parseOptions(input)
  } catch (error) {
    expect(error).toBeInstanceOf(ConsentGuardConfigError)
    return error as ConsentGuardConfigError
  }
  return expect.unreachable(`no error for ${JSON.stringify(input)}`)
}

describe(parseOptions, () => {
  it('fills every default', () => {
    expect(parseOptions({ cmp })).toEqual({
      cmp,
      consentModel: undefined,
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

  it('keeps every valid value, and copies lists so later changes by the caller do not reach the guard', () => {
    const mappings = { Braze: ['C0004'] }
    const rule = () => true
    const options = parseOptions({
      cmp,
      consentModel: 'opt-out',
      integrationCategoryMappings: mappings,
      categoryRule: rule,
      unmappedDestinations: 'block',
      waitForConsent: { maxEvents: 5 },
      gpc: { deny: ['C0004'] },
      consentChangedEvent: false,
      lazyDestinations: false,
      enforceCloudMode: true,
      diagnostics: 'off',
      destinationHosts: { Braze: ['https://sdk.iad-01.braze.com/'] },
    })
    expect(options).toMatchObject({
      consentModel: 'opt-out',
      integrationCategoryMappings: { Braze: ['C0004'] },
      categoryRule: rule,
      unmappedDestinations: 'block',
      waitForConsent: { timeoutMs: 10000, maxEvents: 5 },
      gpc: { deny: ['C0004'] },
      consentChangedEvent: false,
      lazyDestinations: false,
      enforceCloudMode: true,
      diagnostics: 'off',
    })
    mappings.Braze.push('C0002')
    expect(options.integrationCategoryMappings.Braze).toEqual(['C0004'])
  })

  it.each([
    [{ cmp, colour: 'red' }, 'colour', 'is unknown; known: cmp, consentModel, integrationCategoryMappings'],
    [{ cmp, toString: 'x' }, 'toString', 'is unknown; known: cmp'],
    [JSON.parse('{ "__proto__": {} }'), '__proto__', 'is unknown; known: cmp'],
    [{}, 'cmp', 'expected a ConsentSource, e.g. oneTrust() (received: undefined)'],
    [{ cmp: 'onetrust' }, 'cmp', 'expected a ConsentSource, e.g. oneTrust() (received: "onetrust")'],
    [{ cmp: { name: 'x' } }, 'cmp', 'expected a ConsentSource, e.g. oneTrust() (received: an object)'],
    [{ cmp: { ...cmp, subscribe: 1 } }, 'cmp', 'expected a ConsentSource'],
    [{ cmp, consentModel: 'opt-maybe' }, 'consentModel', `expected 'opt-in' | 'opt-out' | undefined (received: "opt-maybe")`],
    [{ cmp, categoryRule: 'most' }, 'categoryRule', `expected 'all' | 'any' | function (received: "most")`],
    [{ cmp, unmappedDestinations: true }, 'unmappedDestinations', `expected 'allow' | 'block' (received: true)`],
    [{ cmp, waitForConsent: 5 }, 'waitForConsent', 'expected { timeoutMs?, maxEvents? } (received: 5)'],
    [{ cmp, waitForConsent: { timeoutMs: -1 } }, 'waitForConsent.timeoutMs', 'expected whole number >= 0 (received: -1)'],
    [{ cmp, waitForConsent: { maxEvents: 0 } }, 'waitForConsent.maxEvents', 'expected whole number >= 1 (received: 0)'],
    [{ cmp, waitForConsent: { maxEvents: 1.5 } }, 'waitForConsent.maxEvents', 'expected whole number >= 1 (received: 1.5)'],
    [{ cmp, waitForConsent: { maxEvent: 3 } }, 'waitForConsent.maxEvent', 'is unknown; known: timeoutMs, maxEvents'],
    [{ cmp, gpc: true }, 'gpc', 'expected { deny: string[] } | false (received: true)'],
    [{ cmp, gpc: { deny: 'C0004' } }, 'gpc.deny', 'expected string[] (received: "C0004")'],
    [{ cmp, gpc: {} }, 'gpc.deny', 'expected string[] (received: undefined)'],
    [{ cmp, gpc: { deny: [], allow: [] } }, 'gpc.allow', 'is unknown; known: deny'],
    [{ cmp, integrationCategoryMappings: { Braze: ['C1', 2] } }, 'integrationCategoryMappings.Braze[1]', 'expected string (received: 2)'],
    [{ cmp, integrationCategoryMappings: { Braze: 'C1' } }, 'integrationCategoryMappings.Braze', 'expected string[] (received: "C1")'],
    [{ cmp, integrationCategoryMappings: ['C1'] }, 'integrationCategoryMappings', 'expected Record<string, string[]> (received: an array)'],
    [{ cmp, destinationHosts: { Amp: [null] } }, 'destinationHosts.Amp[0]', 'expected string (received: null)'],
    [{ cmp, diagnostics: 'verbose' }, 'diagnostics', `expected 'auto' | 'always' | 'off' (received: "verbose")`],
    [{ cmp, lazyDestinations: 'yes' }, 'lazyDestinations', 'expected boolean (received: "yes")'],
    [{ cmp, consentChangedEvent: () => true }, 'consentChangedEvent', 'expected boolean (received: a function)'],
    [null, 'options', 'expected an object (received: null)'],
    [[cmp], 'options', 'expected an object (received: an array)'],
  ])('throws for %j naming `%s`, what it expected and what it received', (input, option, says) => {
    const error = thrown(input)
    expect(error.option).toBe(option)
    expect(error.message).toContain(`[consent-guard] \`${option}\` ${says}`)
  })
})
