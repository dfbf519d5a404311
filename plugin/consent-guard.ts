import { modelInForce } from '../shared/routing/category-rule'
import { SEGMENT_IO } from '../shared/routing/destinations'
import type { CdnSettingsLike, ConsentState, RoutingDecision } from '../shared/routing/types'
import type { Diagnostic } from '../shared/protocol/protocol'
import { onSourceProblem } from './adapters/source-problems'
import type { AnalyticsLike, ContextLike, InitOptionsLike, PluginLike } from './analytics-slice'
import { CONSENT_CHANGED_EVENT, createChangeDetector } from './consent/consent-change'
import type { ConsentProblem } from './consent/consent-problem'
import { trackConsent } from './consent/consent-tracker'
import { createRecorder } from './diagnostics/diagnostics-recorder'
import { stampConsent } from './enforcement/consent-stamping'
import { gateEvent } from './enforcement/destination-gate'
import { holdGate } from './enforcement/hold-gate'
import { routingTable, type Routing } from './enforcement/routing-table'
import { deferPlugin, type DeferredPlugin } from './lazy/deferred-plugin'
import { lazyDestinations } from './lazy/lazy-destinations'
import { ConsentGuardConfigError } from './options/config-error'
import type { ConsentGuardOptions } from './options/consent-guard-options'
import { check, parseOptions } from './options/parse-options'
import { watchRegistration } from './options/registration-watch'
import { PLUGIN_VERSION } from './version'

/** The plugin `consentGuard()` returns: an analytics-next enrichment plugin plus the guard's API. */
export interface ConsentGuardPlugin extends PluginLike {
  name: 'Consent Guard'
  type: 'enrichment'
  /** Your `InitOptions` with the guard's load hooks composed in (yours run first). Needed for lazy destinations. */
  loadOptions<T extends object = InitOptionsLike>(options?: T): T
  /**
   * Your `plugins` array, unchanged. The guard keeps the plugin factories in it (analytics-next's plugin
   * sources) so that a destination it loads on grant is built from its factory, not fetched from the CDN.
   */
  plugins<T extends unknown[]>(plugins: T): T
  /** A destination plugin of yours whose `load` runs only once consent allows it. */
  defer<P extends PluginLike>(plugin: P, categories?: string[]): PluginLike
  /** The consent in force now. */
  consent(): ConsentState
  /** The decision for every known destination now. */
  routing(): RoutingDecision[]
  /** Every diagnostic record, as the debugger sees it. Returns the unsubscribe function. */
  onDiagnostic(listener: (d: Diagnostic) => void): () => void
}

const EVENT_TYPES = ['track', 'page', 'identify', 'group', 'alias', 'screen'] as const

/**
 * Consent Guard: stamps consent on every event, routes each event only to
 * the destinations its consent allows, holds events while an opt-in decision
 * is pending, and reports every decision as a diagnostic.
 *
 * @example
 * const guard = consentGuard({ cmp: oneTrust() })
 * AnalyticsBrowser.load({ writeKey, plugins: [guard] }, guard.loadOptions())
 */
export function consentGuard(input: ConsentGuardOptions): ConsentGuardPlugin {
  const options = parseOptions(input)
  const diagnostics = createRecorder(options.diagnostics, (name) => registered(name))
  const deferred = new Map<string, { plugin: DeferredPlugin; categories?: string[] }>()
  const table = routingTable(options, (name) => deferred.get(name)?.categories)
  const isChange = createChangeDetector()
  const changeStates: ConsentState[] = []
  let analytics: AnalyticsLike | undefined
  let pluginsSeen: unknown
  let pluginsCount = -1

  const registered = (name: string) => analytics?.queue.plugins.find((p) => p.name === name)
  const refreshLocals = () => {
    const plugins = analytics?.queue.plugins
    if (!plugins || (plugins === pluginsSeen && plugins.length === pluginsCount)) return
    pluginsSeen = plugins
    pluginsCount = plugins.length
    table.setLocalDestinations(plugins.filter((p) => p.type === 'destination' && p.name !== SEGMENT_IO).map((p) => p.name))
  }
  const routingNow = () => {
    refreshLocals()
    return table.routingFor(tracker.current())
  }

  const lazy = lazyDestinations(
    (settings) => {
      table.setSettings(settings)
      const state = tracker.current()
      return options.lazyDestinations && modelInForce(state, options) === 'opt-in' ? table.routingFor(state) : undefined
    },
    (action, destination, details) => diagnostics.record('destination', { action, destination, ...details }),
  )

  const pendingOptIn = (state: ConsentState) => state.status === 'pending' && modelInForce(state, options) === 'opt-in'
  const hold = holdGate(options.waitForConsent, (report) => diagnostics.record('hold', report))

  const applyDecisions = () => {
    const routing = routingNow()
    lazy.update(routing)
    for (const [name, { plugin }] of deferred) {
      const decision = routing.decisions.find((d) => d.destination === name)
      if (decision?.allowed && !plugin.loadStarted) plugin.loadNow().catch(() => undefined)
    }
  }

  /** Queues the state taken at the change; the event goes out now, or once analytics-next loads the guard. */
  const sendChangeEvent = (state: ConsentState) => {
    changeStates.push(state)
    analytics?.track(CONSENT_CHANGED_EVENT).catch(() => undefined)
  }

  function reportProblem(problem: ConsentProblem) {
    const state = tracker.current()
    const preferences = table.routingFor(state).preferences
    diagnostics.record('consent', (b) => ({ cmp: options.cmp.name, state, preferences, error: b.explainProblem(problem) }))
  }

  const tracker = trackConsent(options.cmp, {
    onChange(state, previous, sourceReportedPending) {
      const preferences = table.routingFor(state).preferences
      diagnostics.record('consent', { cmp: options.cmp.name, state, previous, preferences })
      if (!pendingOptIn(state)) hold.release()
      applyDecisions()
      if (options.consentChangedEvent && isChange(state, sourceReportedPending)) sendChangeEvent(state)
    },
    onProblem: reportProblem,
  })
  // Adapters report platform problems (garbage globals, a throwing API) through this channel.
  const stopProblems = onSourceProblem((source, problem) => source === options.cmp.name && reportProblem(problem))
  tracker.start()
  hold.start(pendingOptIn(tracker.current()))

  const drop = (ctx: ContextLike, routing: Routing | undefined, reason: string): never => {
    diagnostics.record('event', (b) => b.describeDropped(ctx, routing, reason))
    try {
      ctx.cancel()
    } catch (cancelation) {
      // analytics-next's own ContextCancelation (we import nothing from it at run time): make it final, so
      // the queue neither retries nor delivers the event, and the caller's promise resolves.
      Object.assign(cancelation as object, { retry: false, type: 'middleware_cancellation', reason })
      throw cancelation
    }
    throw new Error('unreachable')
  }

  /** Stamps, gates and accounts for one event under the state in force (the change event: the state taken at the change). */
  const route = (ctx: ContextLike, changeState: ConsentState | undefined) => {
    refreshLocals()
    const event = ctx.event
    const routing = table.routingFor(changeState ?? tracker.current())
    stampConsent(event, routing.preferences)
    gateEvent(event, routing.blocked, !changeState && !routing.segmentAllowed)
    diagnostics.expect(ctx, routing, changeState !== undefined)
    return ctx
  }
  // The waiting paths are shaped alike (one async function: wait, then route): events that wait for the same
  // destination code then go on in the order they started waiting, so a consent change event stays behind the
  // events its decision released.
  const afterLoads = async (ctx: ContextLike, changeState: ConsentState | undefined, waitForLoads: Promise<void>) => {
    await waitForLoads
    return route(ctx, changeState)
  }
  const afterHold = async (ctx: ContextLike) => {
    if ((await hold.wait(String(ctx.event.messageId ?? ctx.id), () => pendingOptIn(tracker.current()))) === 'dropped') {
      drop(ctx, undefined, 'dropped from the hold: too many events while consent was pending')
    }
    const waitForLoads = lazy.settled()
    if (waitForLoads) await waitForLoads
    return route(ctx, undefined)
  }

  /**
   * Each event, in a plain function: analytics-next awaits whatever a hook
   * returns, so an event that need not wait (no hold open, no destination
   * code arriving) costs no promise of ours.
   */
  function processEvent(ctx: ContextLike): ContextLike | Promise<ContextLike> {
    const event = ctx.event
    const changeState = event.type === 'track' && event.event === CONSENT_CHANGED_EVENT ? changeStates.shift() : undefined
    if (!changeState && hold.active) return afterHold(ctx)
    const waitForLoads = lazy.settled()
    return waitForLoads ? afterLoads(ctx, changeState, waitForLoads) : route(ctx, changeState)
  }

  /** The `settings` diagnostic, and the warning about destination code that ran without consent. */
  const describeLoaded = (settings: CdnSettingsLike) => {
    const routing = routingNow()
    const loadState = (n: string) => lazy.loadState(n) ?? (registered(n) ? 'loaded' : 'not-loaded')
    const destinations = table.destinations()
    const states = new Map(destinations.map((d) => [d.destination, loadState(d.destination)]))
    diagnostics.record('settings', (b) => b.describeSettings(settings, destinations, options.destinationHosts, (n) => states.get(n) ?? 'not-loaded'))
    if (modelInForce(routing.state, options) !== 'opt-in') return
    const unconsented = routing.decisions
      .filter((d) => d.mode === 'device' && !d.allowed && registered(d.destination) && !deferred.has(d.destination))
      .map((d) => d.destination)
    if (unconsented.length) diagnostics.record('destination', { action: 'loaded-without-consent', destination: unconsented[0], destinations: unconsented })
  }

  const plugin = {
    name: 'Consent Guard',
    type: 'enrichment',
    version: PLUGIN_VERSION,
    isLoaded: () => analytics !== undefined,
    async load(_ctx: unknown, instance: AnalyticsLike) {
      const first = analytics
      if (first) return import('./options/misuse').then((m) => m.checkSecondLoad(plugin, first, instance, ConsentGuardConfigError))
      analytics = instance
      lazy.attach(instance)
      const settings: CdnSettingsLike = lazy.originalSettings() ?? instance.settings.cdnSettings ?? { integrations: {} }
      table.setSettings(settings)
      refreshLocals()
      diagnostics.attach(instance)
      const url = typeof location !== 'undefined' ? location.href.slice(0, 4096) : ''
      diagnostics.record('hello', (b) => ({
        pluginVersion: PLUGIN_VERSION,
        analyticsVersion: String(instance.VERSION ?? 'unknown'),
        url,
        options: b.describeOptions(options, lazy.originalSettings() !== undefined),
      }))
      // Plugins passed after ours in the same `load` are registered right after it: look once they are.
      setTimeout(() => describeLoaded(settings), 0)
      applyDecisions()
      for (const state of changeStates.splice(0)) sendChangeEvent(state)
    },
    unload() {
      tracker.stop()
      hold.stop()
      stopProblems()
      diagnostics.stop()
    },
    loadOptions: <T extends object>(given?: T) => watchRegistration(lazy.loadOptions(given as InitOptionsLike), () => analytics !== undefined) as T,
    plugins: lazy.plugins,
    defer(wrapped: PluginLike, categories?: string[]) {
      if (!wrapped || typeof wrapped.load !== 'function' || typeof wrapped.name !== 'string') {
        throw new TypeError('[consent-guard] defer(plugin) needs an analytics-next destination plugin')
      }
      const d = deferPlugin(
        wrapped,
        () => routingNow().decisions.some((x) => x.destination === wrapped.name && x.allowed),
        (error) => diagnostics.record('destination', { action: 'failed', destination: wrapped.name, error: String(error) }),
      )
      deferred.set(wrapped.name, { plugin: d, categories })
      return d
    },
    consent: () => tracker.current(),
    routing: () => routingNow().decisions,
    onDiagnostic: (listener: (d: Diagnostic) => void) => diagnostics.onDiagnostic(check(listener, 'function', 'onDiagnostic(listener)') as typeof listener),
  } as ConsentGuardPlugin
  for (const type of EVENT_TYPES) (plugin as unknown as Record<string, unknown>)[type] = processEvent
  return plugin
}
