import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { HarEntryLike } from '../../../shared/network/har-entry'
import { NetworkSource, type DevtoolsNetworkLike } from './network-source'

const entries: HarEntryLike[] = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/har/plugin-session.har'), 'utf8')).log.entries

function fakeNetwork() {
  let harCallback!: (har: { entries: HarEntryLike[] }) => void
  const finished: Array<(r: HarEntryLike) => void> = []
  const navigated: Array<(url: string) => void> = []
  const network: DevtoolsNetworkLike = {
    getHAR: (cb) => void (harCallback = cb),
    onRequestFinished: { addListener: (fn) => void finished.push(fn) },
    onNavigated: { addListener: (fn) => void navigated.push(fn) },
  }
  return { network, har: (e: HarEntryLike[]) => harCallback({ entries: e }), finish: (r: HarEntryLike) => finished.forEach((f) => f(r)), navigate: () => navigated.forEach((f) => f('http://x/')) }
}

describe(NetworkSource, () => {
  it('merges the HAR so far with finished requests, once each, oldest first', () => {
    const fake = fakeNetwork()
    const source = new NetworkSource(fake.network, () => false)
    fake.finish(entries[2])
    fake.har(entries.slice(0, 3))
    fake.finish(entries[3])
    expect(source.entries).toEqual(entries.slice(0, 4))
  })

  it('starts over on navigation unless the log is preserved', () => {
    for (const preserve of [false, true]) {
      const fake = fakeNetwork()
      const source = new NetworkSource(fake.network, () => preserve)
      fake.har(entries.slice(0, 2))
      fake.navigate()
      fake.finish(entries[2])
      expect(source.entries).toEqual(preserve ? entries.slice(0, 3) : [entries[2]])
    }
  })
})
