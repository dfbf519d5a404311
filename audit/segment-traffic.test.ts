import { describe, expect, it } from 'vitest'
import type { RecordedRequest } from './recording'
import { isSegmentEventRequest, segmentPrefixes, sentEvents } from './segment-traffic'

const post = (url: string, body: unknown): RecordedRequest => ({ url, method: 'POST', time: 1, resourceType: 'fetch', postData: typeof body === 'string' ? body : JSON.stringify(body) })

describe(segmentPrefixes, () => {
  it('finds a first-party proxy of Segment’s API from the shape of what it receives', () => {
    const proxied = post('https://shop.example/seg/v1/t', { type: 'track', event: 'Buy', messageId: 'm1', writeKey: 'k' })
    const notSegment = post('https://shop.example/api/v1/t', { hello: 'world' })
    const prefixes = segmentPrefixes([proxied, notSegment], [])
    expect(prefixes).toContain('https://shop.example/seg/v1/')
    expect(prefixes).not.toContain('https://shop.example/api/v1/')
    expect(prefixes).toContain('api.segment.io/v1/')
    expect(isSegmentEventRequest(proxied, prefixes)).toBe(true)
    expect(isSegmentEventRequest(notSegment, prefixes)).toBe(false)
    // Metrics is not an event request.
    expect(isSegmentEventRequest(post('https://api.segment.io/v1/m', {}), prefixes)).toBe(false)
  })
})

describe(isSegmentEventRequest, () => {
  it('recognises a configured proxy prefix whatever the endpoint path: /p, /t, /i, /batch, /v1/*', () => {
    const body = { type: 'track', event: 'Buy', messageId: 'm1' }
    const configured = segmentPrefixes([], [], ['https://shop.example/seg'])
    for (const path of ['p', 't', 'i', 'batch', 'v1/t', 'v1/b', 'v1/batch', 'track/']) {
      expect(isSegmentEventRequest(post(`https://shop.example/seg/${path}`, body), configured)).toBe(true)
    }
    for (const path of ['m', 'v1/m', 'settings', 'pixel', 'p/x']) expect(isSegmentEventRequest(post(`https://shop.example/seg/${path}`, body), configured)).toBe(false)
    // Outside the prefix, or a near miss of it.
    expect(isSegmentEventRequest(post('https://shop.example/p', body), configured)).toBe(false)
    expect(isSegmentEventRequest(post('https://shop.example/segment/p', body), configured)).toBe(false)
    expect(isSegmentEventRequest({ ...post('https://shop.example/seg/p', body), method: 'GET' }, configured)).toBe(false)
  })

  it('finds an unconfigured proxy without /v1/ from the shape of what it receives', () => {
    const proxied = post('https://shop.example/seg/p', { type: 'page', name: 'Home', messageId: 'm1', sentAt: 'x' })
    const prefixes = segmentPrefixes([proxied], [])
    expect(prefixes).toContain('https://shop.example/seg/')
    expect(sentEvents([proxied, post('https://shop.example/seg/t', { type: 'track', event: 'Buy', messageId: 'm2', writeKey: 'k' })], prefixes).map((e) => e.messageId)).toEqual(['m1', 'm2'])
  })
})

describe(sentEvents, () => {
  it('reads batches and single events with their consent object, or null without one', () => {
    const batch = post('https://api.segment.io/v1/b', { batch: [{ type: 'page', messageId: 'p' }, { type: 'track', event: 'Buy', messageId: 't', context: { consent: { categoryPreferences: { C0002: true, bad: 'yes' } } } }] })
    expect(sentEvents([batch, post('https://api.segment.io/v1/t', '{not json')], ['api.segment.io/v1/']).map((e) => [e.type, e.name, e.consent])).toEqual([
      ['page', undefined, null],
      ['track', 'Buy', { C0002: true }],
    ])
  })
})
