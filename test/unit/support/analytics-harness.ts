/**
 * Loads the real analytics-next in happy-dom with no network: CDN settings
 * inline, Segment.io pointed at a fake host whose requests an intercepted
 * `fetch` records. Destinations are local plugins and action-plugin factories
 * (analytics-next uses a factory whose `pluginName` matches a remote plugin
 * instead of fetching its bundle).
 */
import { AnalyticsBrowser, type Analytics, type Context, type Plugin } from '@segment/analytics-next'
import { vi } from 'vitest'

export const API_HOST = 'sink.test/v1'

export interface SegmentRequest {
  path: string
  body: Record<string, any>
}

/** Replaces `fetch` with a recorder of Segment API calls; every call answers 200. */
export function interceptSegment(): SegmentRequest[] {
  const requests: SegmentRequest[] = []
  vi.stubGlobal('fetch', async (url: string, init?: { body?: string }) => {
    const u = new URL(String(url))
    requests.push({ path: u.pathname, body: init?.body ? JSON.parse(init.body) : {} })
    return new Response('{}', { status: 200 })
  })
  return requests
}

/** A destination plugin that records what reaches it. */
export function recordingDestination(name: string, calls: string[] = []) {
  const plugin: Plugin & { calls: string[]; loads: number } = {
    name,
    type: 'destination',
    version: '1.0.0',
    calls,
    loads: 0,
    isLoaded: () => true,
    load: async () => {
      plugin.loads++
    },
    track: async (ctx: Context) => {
      calls.push(`${name}:${ctx.event.event}`)
      return ctx
    },
    page: async (ctx: Context) => {
      calls.push(`${name}:page`)
      return ctx
    },
    identify: async (ctx: Context) => {
      calls.push(`${name}:identify`)
      return ctx
    },
  }
  return plugin
}

/** An action-destination factory analytics-next uses in place of the remote bundle `remoteName`. */
export function actionFactory(remoteName: string, actionName: string, calls: string[]) {
  const factory = Object.assign(() => recordingDestination(actionName, calls), { pluginName: remoteName })
  return factory
}

export interface Destinations {
  classic?: Record<string, string[]>
  action?: Record<string, string[]>
  cloud?: Record<string, string[]>
  consentSettings?: { allCategories: string[]; hasUnmappedDestinations: boolean } | false
}

/** CDN settings with classic, action and cloud destinations and their categories. */
export function cdnSettings(d: Destinations): any {
  const integrations: Record<string, unknown> = { 'Segment.io': { apiKey: 'test', apiHost: API_HOST, protocol: 'http' } }
  const all = new Set<string>()
  const entry = (categories: string[], extra: object) => {
    categories.forEach((c) => all.add(c))
    return { ...extra, consentSettings: { categories } }
  }
  for (const [name, c] of Object.entries(d.classic ?? {}))
    integrations[name] = entry(c, { type: 'browser', bundlingStatus: 'bundled', versionSettings: { version: '1.0.0', componentTypes: ['browser'] } })
  for (const [name, c] of Object.entries(d.action ?? {})) integrations[name] = entry(c, { versionSettings: { componentTypes: [] } })
  for (const [name, c] of Object.entries(d.cloud ?? {}))
    integrations[name] = entry(c, { type: 'server', bundlingStatus: 'unbundled', versionSettings: { componentTypes: ['server'] } })
  const remotePlugins = Object.keys(d.action ?? {}).map((name) => ({
    name: `${name} Remote`,
    creationName: name,
    libraryName: `${name}Destination`,
    url: `http://cdn.test/${name}.js`,
    settings: {},
  }))
  const settings: Record<string, unknown> = { integrations, remotePlugins, metrics: { sampleRate: 0 } }
  if (d.consentSettings !== false) {
    settings.consentSettings = d.consentSettings ?? { allCategories: [...all], hasUnmappedDestinations: false }
  }
  return settings
}

/** `AnalyticsBrowser.load` as the README tells sites to call it, fully local. */
export async function loadAnalytics(settings: any, plugins: unknown[], options: Record<string, unknown> = {}) {
  const browser = AnalyticsBrowser.load(
    { writeKey: 'test', cdnSettings: settings, plugins: plugins as Plugin[] },
    { integrations: { 'Segment.io': { apiHost: API_HOST, protocol: 'http' } }, disableClientPersistence: true, ...options },
  )
  const [analytics] = (await browser) as unknown as [Analytics]
  return { browser, analytics }
}

/** The Segment payloads of tracked events, by name, in arrival order. */
export function tracked(requests: SegmentRequest[]): Array<Record<string, any>> {
  return requests.filter((r) => r.path.endsWith('/t')).map((r) => r.body)
}
