/**
 * Turns one analytics-next instance into `inspector-settings` and
 * `inspector-event` messages, for pages where the plugin is not installed.
 * Reads only the structural slice below, so any analytics-next version with
 * the same shape works, and nothing here can throw into analytics-next.
 */
import { fitMessage } from '../../shared/protocol/fit-message'
import { MAX_LIST, MAX_NAME } from '../../shared/protocol/field-limits'
import { createMessage, type Diagnostic, type MessageKind, type PluginMessages, type SettingsDestination } from '../../shared/protocol/protocol'
import { listDestinations } from '../../shared/routing/destinations'
import type { CdnSettingsLike } from '../../shared/routing/types'
import { toBoundedJson } from './bounded-json'

/** The slice of analytics-next's `Analytics` the inspector reads. */
export interface InspectedAnalytics {
  settings?: { cdnSettings?: unknown }
  queue?: {
    on(event: 'delivery_success', fn: (ctx: { event: unknown }) => void): unknown
    on(event: 'delivery_failure', fn: (ctx: { event: unknown }) => void): unknown
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const names = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string' && c.length <= MAX_NAME).slice(0, MAX_LIST) : []

/** The settings part of `inspector-settings`, cut to the protocol's caps. */
export function describeSettings(cdnSettings: unknown): Omit<PluginMessages['inspector-settings'], 'instance'> {
  const settings: CdnSettingsLike = isRecord(cdnSettings) && isRecord(cdnSettings.integrations)
    ? (cdnSettings as CdnSettingsLike)
    : { integrations: {} }
  const bundles = new Map<string, string>()
  for (const plugin of Array.isArray(settings.remotePlugins) ? settings.remotePlugins : []) {
    if (isRecord(plugin) && typeof plugin.creationName === 'string' && typeof plugin.url === 'string') bundles.set(plugin.creationName, plugin.url)
  }
  const destinations: SettingsDestination[] = listDestinations(settings, undefined)
    .filter((d) => d.destination.length <= MAX_NAME)
    .slice(0, MAX_LIST)
    .map((d) => {
      const bundle = bundles.get(d.destination)
      // The bundle URL itself: loading it for a blocked destination is a leak.
      const hosts = bundle && bundle.length <= 1024 ? [bundle] : undefined
      return { destination: d.destination, mode: d.mode, categories: names(d.categories), ...(hosts ? { hosts } : {}) }
    })
  const consent = isRecord(settings.consentSettings) ? settings.consentSettings : undefined
  return {
    destinations,
    allCategories: names(consent?.allCategories),
    hasConsentSettings: consent !== undefined,
    ...(typeof consent?.hasUnmappedDestinations === 'boolean' ? { hasUnmappedDestinations: consent.hasUnmappedDestinations } : {}),
  }
}

/** `context.consent.categoryPreferences` when it is a map of booleans; null when absent. */
export function readConsent(event: unknown): Record<string, boolean> | null {
  const context = isRecord(event) ? event.context : undefined
  const consent = isRecord(context) ? context.consent : undefined
  const prefs = isRecord(consent) ? consent.categoryPreferences : undefined
  if (!isRecord(prefs)) return null
  const out: Record<string, boolean> = {}
  for (const [key, value] of Object.entries(prefs).slice(0, MAX_LIST)) {
    if (typeof value === 'boolean' && key.length <= MAX_NAME && key !== '__proto__') out[key] = value
  }
  return out
}

/** The body of one `inspector-event`; the payload is dropped (and marked) when the message would be too big. */
export function describeEvent(instance: string, event: unknown): PluginMessages['inspector-event'] | undefined {
  if (!isRecord(event) || typeof event.messageId !== 'string' || event.messageId.length > MAX_NAME) return undefined
  const type = typeof event.type === 'string' ? event.type.slice(0, MAX_NAME) : 'unknown'
  const name = typeof event.event === 'string' ? event.event : typeof event.name === 'string' ? event.name : undefined
  return {
    instance,
    messageId: event.messageId,
    type,
    ...(name !== undefined ? { name: name.slice(0, 4096) } : {}),
    consent: readConsent(event),
    payload: toBoundedJson(event),
  }
}

export type Post = (message: Diagnostic) => void

/** Returns the attach hook: reports each instance's settings, then each event it flushes. */
export function createInspectorReporter(post: Post, sid: string): (analytics: unknown) => void {
  let seq = 0
  let instances = 0
  const emit = <K extends MessageKind>(kind: K, body: PluginMessages[K]) => {
    // The plugin's own trimming: what the hook posts passes the validator too.
    const fitted = fitMessage(createMessage(sid, seq, kind, body))
    seq++
    if (fitted) post(fitted.message)
  }
  return (analytics) => {
    const a = analytics as InspectedAnalytics
    const instance = `analytics-${++instances}`
    emit('inspector-settings', { instance, ...describeSettings(a?.settings?.cdnSettings) })
    const reported = new Set<string>()
    // Both paths of analytics-next's queue end in one of these (a 'flush' is
    // not emitted when an event is delivered straight away via dispatchSingle).
    const report = (ctx: { event: unknown }) => {
      try {
        const body = describeEvent(instance, ctx?.event)
        if (!body || reported.has(body.messageId)) return
        reported.add(body.messageId)
        emit('inspector-event', body)
      } catch {
        // Never let the inspector break event delivery.
      }
    }
    a?.queue?.on('delivery_success', report)
    a?.queue?.on('delivery_failure', report)
  }
}
