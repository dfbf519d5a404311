/**
 * Hand-built scenario recordings for the audit's unit tests: a shop with two
 * device-mode destinations (C0002 analytics, C0004 ads) behind OneTrust, the
 * plugin's messages as it would post them, and requests at chosen times.
 */
import { createMessage, type Diagnostic } from '../../shared/protocol/protocol'
import type { ConsentState } from '../../shared/routing/types'
import type { CookieSnapshot, RecordedRequest, ScenarioRecording } from '../recording'
import { planned, type PlannedScenario } from '../scenario-spec'

export const T0 = Date.UTC(2024, 0, 1, 12)
export const HOST = 'http://127.0.0.1:4010'

export const AUDIT_DEFAULTS = { destinationHosts: {}, destinationCookies: {}, destinationCategories: {}, necessary: [], gpcDeny: [] }

const settingsBody = {
  destinations: [
    { destination: 'Segment.io', mode: 'segment' as const, categories: [], hosts: [`${HOST}/v1/`] },
    { destination: 'Google Analytics 4 Web', mode: 'device' as const, categories: ['C0002'] },
    { destination: 'Ads Pixel', mode: 'device' as const, categories: ['C0004'], hosts: [`${HOST}/vendor/ads/`] },
  ],
  allCategories: ['C0002', 'C0004'],
  hasConsentSettings: true,
  hasUnmappedDestinations: false,
}

/** The plugin's messages: hello, settings, consent pending at load, then the decision at `decidedAt`. */
export function pluginMessages(decided: Record<string, boolean> | undefined, decidedAt = T0 + 2000, extra: Partial<ConsentState> = {}): Diagnostic[] {
  let seq = 0
  const pending: ConsentState = { status: 'pending', categories: {}, model: 'opt-in', source: 'onetrust' }
  const messages: Diagnostic[] = [
    createMessage('sid', seq++, 'hello', { pluginVersion: '0.1.0', analyticsVersion: '1.84.3', url: `${HOST}/shop`, options: { cmp: 'onetrust', consentModel: null, categoryRule: 'all', unmappedDestinations: 'allow', gpc: { deny: ['C0004'] } } }, T0 + 100),
    createMessage('sid', seq++, 'settings', settingsBody, T0 + 110),
    createMessage('sid', seq++, 'consent', { cmp: 'onetrust', state: pending, preferences: { C0002: false, C0004: false } }, T0 + 120),
  ]
  if (decided) {
    const state: ConsentState = { status: 'decided', categories: decided, explicit: true, model: 'opt-in', source: 'onetrust', ...extra }
    messages.push(createMessage('sid', seq++, 'consent', { cmp: 'onetrust', state, previous: pending, preferences: decided }, decidedAt))
  }
  return messages
}

/** A Segment API request carrying one event. */
export function segmentRequest(time: number, name: string, consent?: Record<string, boolean>): RecordedRequest {
  const event = { type: 'track', event: name, messageId: `m-${name}-${time}`, writeKey: 'k', ...(consent ? { context: { consent: { categoryPreferences: consent } } } : {}) }
  return { url: `${HOST}/v1/t`, method: 'POST', time, resourceType: 'fetch', postData: JSON.stringify(event) }
}

export const vendorRequest = (time: number, url = `${HOST}/vendor/ads/track`): RecordedRequest => ({ url, method: 'POST', time, resourceType: 'fetch', postData: 'x' })

export function cookies(checkpoint: CookieSnapshot['checkpoint'], time: number, ...names: string[]): CookieSnapshot {
  return { checkpoint, time, cookies: names.map((name) => ({ name, domain: '127.0.0.1', path: '/' })) }
}

export function recording(parts: Partial<ScenarioRecording> & { scenario?: PlannedScenario } = {}): ScenarioRecording {
  return {
    scenario: planned({ kind: 'accept-all' }),
    url: `${HOST}/shop`,
    startedAt: T0,
    finishedAt: T0 + 10_000,
    extension: true,
    drive: { platform: 'onetrust', startedAt: T0 + 1900, finishedAt: T0 + 2100, ok: true, detail: 'called OneTrust.AllowAll()' },
    platformCategories: ['C0001', 'C0002', 'C0004'],
    messages: [],
    greetings: [],
    requests: [],
    cookies: [],
    steps: [],
    errors: [],
    ...parts,
  }
}
