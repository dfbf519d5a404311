import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { auditReport } from './audit-report'
import { esc } from './html-escape'
import { htmlReport } from './html-report'
import { scenarioReport } from './scenario-report'
import { AUDIT_DEFAULTS, T0, pluginMessages, recording, segmentRequest, vendorRequest } from './testing/recording-fixtures'

const HOSTILE = '<img src=x onerror=alert(1)>'

function reportWith(name: string, url = 'http://127.0.0.1:4010/shop') {
  const r = recording({ url, messages: pluginMessages({ C0002: true, C0004: false }), requests: [segmentRequest(T0 + 3000, name, { C0002: true, C0004: false }), vendorRequest(T0 + 3100)] })
  return auditReport({ url, startedAt: T0, finishedAt: T0 + 10_000, extension: true, platform: 'onetrust', notes: [] }, [scenarioReport(r, AUDIT_DEFAULTS)])
}
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html')
const tags = (doc: Document) => [...doc.querySelectorAll('*')].map((e) => e.tagName).sort().join(',')

describe(htmlReport, () => {
  it('renders a hostile event name as inert text', () => {
    const html = htmlReport(reportWith(HOSTILE))
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    const doc = parse(html)
    expect(doc.querySelectorAll('img, script, iframe, link, object').length).toBe(0)
    expect([...doc.querySelectorAll('td')].some((td) => td.textContent === HOSTILE)).toBe(true)
  })

  it('is one self-contained document under a CSP that allows only inline styles', () => {
    const doc = parse(htmlReport(reportWith('Order Completed')))
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'")
    expect(doc.querySelectorAll('script, link, img').length).toBe(0)
    expect(doc.querySelector('.verdict')?.textContent).toContain('FAIL')
    // The one leak (the ads vendor after C0004 was denied) is listed.
    expect([...doc.querySelectorAll('tr.leak td')].map((td) => td.textContent)).toContain('Ads Pixel')
  })

  it('never lets page data add markup (property)', () => {
    const shape = tags(parse(htmlReport(reportWith('plain'))))
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        const doc = parse(htmlReport(reportWith(name, `http://127.0.0.1:4010/${encodeURIComponent(name)}`)))
        expect(tags(doc)).toBe(shape)
      }),
      { numRuns: 60 },
    )
  })
})

describe(esc, () => {
  it('leaves no character that could open a tag or end an attribute', () => {
    fc.assert(fc.property(fc.string(), (s) => !/[<>"']/.test(esc(s))))
    expect(esc(`a&b<"'>`)).toBe('a&amp;b&lt;&quot;&#39;&gt;')
  })
})
