import { describe, expect, it } from 'vitest'
import type { PluginLike } from '../analytics-slice'
import { applyRecordedMiddleware } from './recorded-middleware'

const plugin = (name: string) => {
  const added: unknown[] = []
  const p = { name, type: 'destination', isLoaded: () => true, load: async () => undefined, addMiddleware: (...fns: unknown[]) => added.push(...fns) }
  return { p: p as PluginLike, added }
}

describe(applyRecordedMiddleware, () => {
  it('adds, in the order they were registered, the middleware named for the destination (any case) or for `*`', () => {
    const [a, b] = [plugin('Fake Action'), plugin('Fake Action')]
    const [m1, m2, m3, other] = ['m1', 'm2', 'm3', 'other']
    const recorded = [['fake action', m1], ['Other', other], ['*', m2, m3]]
    expect(applyRecordedMiddleware('Fake Action', [a.p, b.p], recorded)).toBe(3)
    expect(a.added).toEqual([m1, m2, m3])
    expect(b.added).toEqual([m1, m2, m3])
  })

  it('adds nothing when none was registered for it, and ignores a call whose name is not a string', () => {
    const a = plugin('Fake Classic')
    expect(applyRecordedMiddleware('Fake Classic', [a.p], [['Other', 'm'], [42, 'n']])).toBe(0)
    expect(a.added).toEqual([])
  })
})
