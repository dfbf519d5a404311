import type { AnalyticsLike, PluginLike } from '../analytics-slice'
import { loadScript } from './load-script'

/** The analytics.js-integration surface analytics-next's LegacyDestination relies on. */
interface ClassicIntegration {
  analytics?: unknown
  initialize(): void
  once(event: 'ready', fn: () => void): void
  invoke(method: string, facade: unknown): unknown
}
type IntegrationCtor = new (settings: unknown) => ClassicIntegration

const slug = (name: string) => name.toLowerCase().replace('.', '').replace(/\s+/g, '-')


/**
 * Loads a classic (analytics.js-integration) destination after start-up, the
 * way analytics-next's unexported LegacyDestination does: the bundle from
 * `${cdnURL}/next-integrations/integrations/<slug>/<version>/<slug>.dynamic.js.gz`,
 * its deps, then `<slug>Loader()` sets `window[<slug>Integration]`. Events wait
 * for `ready` and are handed over as @segment/facade objects, which classic
 * integrations expect.
 */
export function classicDestination(
  name: string,
  version: string,
  cdnURL: string,
  settings: Record<string, unknown>,
): PluginLike {
  const fromBundle = async (): Promise<unknown> => {
    const base = `${cdnURL.replace(/\/$/, '')}/next-integrations`
    const path = slug(name)
    await loadScript(`${base}/integrations/${path}/${version}/${path}.dynamic.js.gz`)
    const win = window as unknown as Record<string, unknown>
    const deps = (win[`${path}Deps`] as string[] | undefined) ?? []
    await Promise.all(deps.map((dep) => loadScript(`${base}${dep}.gz`)))
    ;(win[`${path}Loader`] as () => void)()
    return win[`${path}Integration`]
  }
  let ready: Promise<ClassicIntegration> | undefined
  let loaded = false
  const facades = import('@segment/facade')

  const load = async (analytics: AnalyticsLike): Promise<ClassicIntegration> => {
    const Integration = (await fromBundle()) as IntegrationCtor | undefined
    if (typeof Integration !== 'function') throw new Error(`${name}: the bundle did not define ${slug(name)}Integration`)
    // AJS-Renderer adds a `type` setting that clobbers integration defaults (as analytics-next notes).
    const { type: _type, ...clean } = settings
    const integration = new Integration(clean)
    integration.analytics = analytics
    await new Promise<void>((resolve) => {
      integration.once('ready', resolve)
      integration.initialize()
    })
    loaded = true
    return integration
  }

  const send = (method: 'track' | 'page' | 'identify' | 'group' | 'alias', Facade: string) => async (ctx: { event: object }) => {
    const integration = await ready
    const mod = (await facades) as unknown as Record<string, new (e: object, o: object) => unknown>
    if (integration) await integration.invoke(method, new mod[Facade](ctx.event, { traverse: true }))
    return ctx
  }

  return {
    name,
    version,
    type: 'destination',
    isLoaded: () => loaded,
    load: (_ctx, analytics) => (ready ??= load(analytics)),
    track: send('track', 'Track'),
    page: send('page', 'Page'),
    identify: send('identify', 'Identify'),
    group: send('group', 'Group'),
    alias: send('alias', 'Alias'),
  }
}
