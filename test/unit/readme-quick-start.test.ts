import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { readmeQuickStart } from '../package/app-files'
import { interceptSegment, tracked } from './support/analytics-harness'

const root = resolve(import.meta.dirname, '../..')
const tmp = resolve(root, 'test/unit/.tmp')


afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('README quick start', () => {
  it('runs as written and stamps consent on what reaches Segment', async () => {
    const requests = interceptSegment()
    // The two imports point at this repository and at analytics-next with local settings; nothing else changes.
    const code = readmeQuickStart()
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
