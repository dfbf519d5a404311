import { describe, expect, it } from 'vitest'
import { createMessage } from '../shared/protocol/protocol'
import type { RecordedRequest } from './recording'
import { auditReport } from './audit-report'
import { scenarioReport } from './scenario-report'
import { AUDIT_DEFAULTS, HOST, T0, pluginMessages, recording, vendorRequest } from './testing/recording-fixtures'
import { printable, textReport } from './text-report'

describe(textReport, () => {
  it('names every leak with its scenario, destination and URL, and ends with the verdict', () => {
    const r = recording({ messages: pluginMessages({ C0002: true, C0004: false }), requests: [vendorRequest(T0 + 3000)] })
    const text = textReport(auditReport({ url: `${HOST}/shop`, startedAt: T0, finishedAt: T0 + 1, extension: true, notes: [] }, [scenarioReport(r, AUDIT_DEFAULTS)]))
    expect(text).toContain(`LEAK [accept-all] request Ads Pixel: ${HOST}/vendor/ads/track`)
    expect(text).toMatch(/blocked {2}Ads Pixel \[C0004\] \(missing-consent\): .*1 LEAK\(S\)/)
    expect(text.trimEnd().split('\n').at(-1)).toBe('FAIL: 1 leak(s).')
  })

  it('says PASS when nothing leaked', () => {
    const r = recording({ messages: pluginMessages({ C0002: true, C0004: true }), requests: [vendorRequest(T0 + 3000)] })
    const text = textReport(auditReport({ url: `${HOST}/shop`, startedAt: T0, finishedAt: T0 + 1, extension: false, notes: [] }, [scenarioReport(r, AUDIT_DEFAULTS)]))
    expect(text).toContain('(debugger extension not loaded)')
    expect(text.trimEnd().split('\n').at(-1)).toBe('PASS: no leak found (judged: 1 vendor request(s), 0 Segment request(s), 0 attributed cookie(s) in 1 scenario(s)).')
  })

  it('never says PASS when vendor requests could not be judged', () => {
    const pixel = 'https://connect.facebook.net/en_US/fbevents.js'
    const r = recording({ messages: pluginMessages({ C0002: true, C0004: true }), requests: [vendorRequest(T0 + 3000, pixel)] })
    const text = textReport(auditReport({ url: `${HOST}/shop`, startedAt: T0, finishedAt: T0 + 1, extension: true, notes: [] }, [scenarioReport(r, AUDIT_DEFAULTS)]))
    expect(text).not.toContain('PASS')
    expect(text).toContain('  WARNING: 1 request(s) to Facebook Pixel not judged')
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      "NOT JUDGED: no leak among what was judged (judged: 0 vendor request(s), 0 Segment request(s), 0 attributed cookie(s) in 1 scenario(s)), but 1 request(s) to Facebook Pixel could not be judged: this page's settings do not list it.",
    )
  })

  it('says why each destination could not be judged: not in the settings, or listed without categories', () => {
    const mapless = createMessage('sid', 20, 'settings', {
      destinations: [{ destination: 'Mapless Pixel', mode: 'device', categories: [], hosts: [`${HOST}/vendor/mapless/`] }], allCategories: ['C0002'], hasConsentSettings: true,
    }, T0 + 115)
    const verdict = (requests: RecordedRequest[]) =>
      textReport(auditReport({ url: `${HOST}/shop`, startedAt: T0, finishedAt: T0 + 1, extension: true, notes: [] }, [scenarioReport(recording({ messages: [...pluginMessages({ C0002: true }), mapless], requests }), AUDIT_DEFAULTS)]))
        .trimEnd().split('\n').at(-1)
    const pixel = vendorRequest(T0 + 3000, 'https://connect.facebook.net/en_US/fbevents.js')
    const maplessCall = vendorRequest(T0 + 3100, `${HOST}/vendor/mapless/t`)
    expect(verdict([maplessCall])).toMatch(/to Mapless Pixel could not be judged: its destination has no categories on this page\.$/)
    expect(verdict([pixel, maplessCall])).toMatch(
      /2 request\(s\) to Facebook Pixel, Mapless Pixel could not be judged: Facebook Pixel is not in this page's settings; Mapless Pixel has no categories on this page\.$/,
    )
  })
})

describe(printable, () => {
  it('escapes control characters from page data, so it cannot drive the terminal', () => {
    expect(printable('a\u001b[31mred\nb\u2028')).toBe('a\\u001b[31mred\\u000ab\\u2028')
  })
})
