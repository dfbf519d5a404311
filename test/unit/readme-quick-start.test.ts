import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { interceptSegment, tracked } from './support/analytics-harness'

const root = resolve(import.meta.dirname, '../..')
const tmp = resolve(root, 'test/unit/.tmp')

/** The README's quick-start block, as a user would paste it. */
function quickStart(): string {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8')
  const block = /<!-- quick-start[^>]*-->\s*```ts\n([\s\S]*?)```\s*<!-- \/quick-start -->/.exec(readme)
  if (!block) throw new Error('README.md has no quick-start block')
  return block[1]
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('README quick start', () => {
  it('runs as written and stamps consent on what reaches Segment', async () => {
    const requests = interceptSegment()
    // The two imports point at this repository and at analytics-next with local settings; nothing else changes.
    const code = quickStart()
      .replace("from 'consent-guard'", "from '../../../plugin/index'")
      .replace("from '@segment/analytics-next'", "from '../support/offline-analytics-next'")
    expect(code).toContain('consentGuard({')
    mkdirSync(tmp, { recursive: true })
    writeFileSync(resolve(tmp, 'quick-start.ts'), code)
    const { analytics } = await import(resolve(tmp, 'quick-start.ts'))
    await analytics.track('Quick start')
    await vi.waitFor(() => expect(tracked(requests)).toHaveLength(1))
    expect(tracked(requests)[0].context.consent.categoryPreferences).toEqual({ C0001: true, C0004: false })
    vi.unstubAllGlobals()
  })
})
