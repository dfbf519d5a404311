import type { AnalyticsLike, PluginLike } from '../analytics-slice'
import { loadScript } from './load-script'

/** The analytics.js-integration surface analytics-next's LegacyDestination relies on. */
interface ClassicIntegration {
  analytics?: unknown
  initialize(): void
  once(event: 'ready', fn: () => void): void
  invoke(method: string, facade: unknown): unknown
}
/** The constructor a classic bundle's loader sets as `window[<slug>Integration]`. */
export type ClassicIntegrationCtor = new (settings: unknown) => ClassicIntegration

/** analytics-next's own slug for a classic integration name (its private `normalizeName`). */
const slug = (name: string) => name.toLowerCase().replace('.', '').replace(/\s+/g, '-')

/**
 * Fetches a classic (analytics.js-integration) destination's code the way
 * analytics-next's unexported `loadIntegration` does: the bundle from
 * `${cdnURL}/next-integrations/integrations/<slug>/<version>/<slug>.dynamic.js.gz`,
 * its deps, then `<slug>Loader()` sets `window[<slug>Integration]`.
 * Rejects when the bundle fails to load or defines no integration (e.g. it
 * threw while evaluating: a script error still fires `load`).
 */
export async function fetchClassicIntegration(name: string, version: string, cdnURL: string): Promise<ClassicIntegrationCtor> {
  const base = `${cdnURL.replace(/\/$/, '')}/next-integrations`
  const path = slug(name)
  await loadScript(`${base}/integrations/${path}/${version}/${path}.dynamic.js.gz`)
  const win = window as unknown as Record<string, unknown>
  const deps = win[`${path}Deps`]
  const loader = win[`${path}Loader`]
  if (typeof loader !== 'function') throw new Error(`${name}: the bundle did not define ${path}Loader`)
  if (Array.isArray(deps)) await Promise.all(deps.map((dep) => loadScript(`${base}${String(dep)}.gz`)))
  ;(loader as () => void)()
  const Integration = win[`${path}Integration`]
  if (typeof Integration !== 'function') throw new Error(`${name}: the bundle did not define ${path}Integration`)
  return Integration as ClassicIntegrationCtor
}

/**
 * A destination plugin over a fetched classic integration, as analytics-next's
 * LegacyDestination builds it: `load` constructs and initialises it and
 * settles on `ready`. Events handed over before `ready` wait for it (rather
 * than LegacyDestination's buffer, flushed after a random delay of up to
 * 5 s), then go in as @segment/facade objects, which classic integrations
 * expect.
 */
export function classicDestination(
  name: string,
  version: string,
  Integration: ClassicIntegrationCtor,
  settings: Record<string, unknown>,
): PluginLike {
  let ready: Promise<ClassicIntegration> | undefined
  let loaded = false
  const facades = import('@segment/facade')

  const load = async (analytics: AnalyticsLike): Promise<ClassicIntegration> => {
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
