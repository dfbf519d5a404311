import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { HarEntryLike } from '../../../shared/network/har-entry'
import { NetworkSource, REFRESH_MS, type DevtoolsNetworkLike } from './network-source'

const entries: HarEntryLike[] = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/har/plugin-session.har'), 'utf8')).log.entries

function fakeNetwork() {
  let harCallback!: (har: { entries: HarEntryLike[] }) => void
  let harReads = 0
  const finished: Array<(r: HarEntryLike) => void> = []
  const navigated: Array<(url: string) => void> = []
  const network: DevtoolsNetworkLike = {
    getHAR: (cb) => {
      harReads++
      harCallback = cb
    },
    onRequestFinished: { addListener: (fn) => void finished.push(fn) },
    onNavigated: { addListener: (fn) => void navigated.push(fn) },
  }
  return { network, reads: () => harReads, har: (e: HarEntryLike[]) => harCallback({ entries: e }), finish: (r: HarEntryLike) => finished.forEach((f) => f(r)), navigate: (url = 'http://x/') => navigated.forEach((f) => f(url)) }
}

afterEach(() => {
  vi.useRealTimers()
})

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

  it('finds requests DevTools never reported as finished by reading its log again while the check is shown', () => {
    vi.useFakeTimers()
    const fake = fakeNetwork()
    const source = new NetworkSource(fake.network, () => false)
    fake.har(entries.slice(0, 1))
    // entries[1] and [2] never fire onRequestFinished (a no-store response whose body nobody reads).
    fake.finish(entries[3])
    expect(source.entries).toEqual([entries[0], entries[3]])

    source.poll(true)
    fake.har(entries.slice(0, 4))
    expect(source.entries).toEqual(entries.slice(0, 4))
    const reads = fake.reads()
    vi.advanceTimersByTime(REFRESH_MS * 3)
    expect(fake.reads()).toBe(reads + 3)

    source.poll(false)
    vi.advanceTimersByTime(REFRESH_MS * 3)
    expect(fake.reads()).toBe(reads + 3)
  })

  it('does not bring back, on a later read, what was cleared', () => {
    vi.useFakeTimers()
    const at = (e: HarEntryLike) => Date.parse(e.startedDateTime)
    vi.setSystemTime(at(entries[0]))
    const fake = fakeNetwork()
    const source = new NetworkSource(fake.network, () => false)
    fake.har(entries.slice(0, 2))
    vi.setSystemTime(at(entries[2]))
    source.clear()
    source.refresh()
    fake.har(entries.slice(0, 4))
    expect(source.entries).toEqual(entries.slice(2, 4))
  })

  it('after a navigation, keeps only what started with the new page\'s document, even when DevTools still lists the old page', () => {
    const fake = fakeNetwork()
    const source = new NetworkSource(fake.network, () => false)
    fake.har(entries.slice(0, 2))
    const newDocument = entries[2]
    fake.navigate(newDocument.request.url)
    // DevTools' own "Preserve log" is on: its log still holds the old page's requests.
    source.refresh()
    fake.har(entries.slice(0, 4))
    expect(source.entries).toEqual(entries.slice(2, 4))
    // A request finishing late from before the new document stays out too.
    fake.finish({ ...entries[0], request: { ...entries[0].request, url: 'https://late.example/old' } })
    expect(source.entries).toEqual(entries.slice(2, 4))
  })
})
