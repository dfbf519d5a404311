import { describe, expect, it } from 'vitest'
import { PluginSession } from '../../test-support/diagnostics'
import type { Json } from '../../../shared/protocol/protocol'
import { readPageOptions } from './page-options'

const hello = (options: { [key: string]: Json }) => new PluginSession().next('hello', { pluginVersion: '0.0.0', analyticsVersion: '1.84.3', url: 'http://x/', options })

describe(readPageOptions, () => {
  it('reads the routing options of the hello summary', () => {
    const o = readPageOptions(
      hello({ consentModel: 'opt-out', categoryRule: 'any', unmappedDestinations: 'block', gpc: { deny: ['C0004'] }, integrationCategoryMappings: { Braze: ['C0004'] } }),
    )
    expect(o).toEqual({ consentModel: 'opt-out', categoryRule: 'any', unmappedDestinations: 'block', gpc: { deny: ['C0004'] }, integrationCategoryMappings: { Braze: ['C0004'] }, notes: [] })
  })

  it('falls back to the defaults on anything unexpected (page data), and says when there was no hello', () => {
    const o = readPageOptions(hello({ consentModel: 'maybe', categoryRule: 3, unmappedDestinations: 'deny', gpc: { deny: [1] }, integrationCategoryMappings: { A: [1], B: ['C1'], C: 'C2' } }))
    expect(o).toEqual({ categoryRule: 'all', unmappedDestinations: 'allow', gpc: false, integrationCategoryMappings: { B: ['C1'] }, notes: [] })
    expect(readPageOptions(undefined).notes).toEqual([expect.stringMatching(/No hello message/)])
    expect(readPageOptions(hello({ consentModel: null })).consentModel).toBeUndefined()
  })

  it('notes that a function categoryRule cannot be reproduced and uses "all"', () => {
    const o = readPageOptions(hello({ categoryRule: 'function' }))
    expect(o.categoryRule).toBe('all')
    expect(o.notes).toEqual([expect.stringMatching(/categoryRule is a function/)])
  })
})
