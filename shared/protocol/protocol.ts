/**
 * The diagnostics protocol between the plugin (in the page) and the debugger.
 * One module owns the envelope, the union of kinds and the builder; the
 * validator lives beside it in parse-message.ts.
 */
import type { ConsentState, DestinationMode, RoutingDecision } from '../routing/types'

/**
 * Protocol version, carried as `v` on every message. A debugger keeps the
 * `probe` and `hello` of any version (protocol-version.ts) and says which
 * side to update; everything else of another version is dropped.
 * 1: first version (probe, hello, settings, consent, event, hold, destination,
 *    inspector-settings, inspector-event; announce from the debugger).
 */
export const PROTOCOL_VERSION = 1
export const PLUGIN_SOURCE = 'consent-guard'
export const DEBUGGER_SOURCE = 'consent-guard-debugger'

/** The only message the debugger ever posts into a page. It carries no data. */
export const ANNOUNCE = Object.freeze({ source: DEBUGGER_SOURCE, v: PROTOCOL_VERSION, kind: 'announce' } as const)
export type Announce = typeof ANNOUNCE

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export interface Envelope<K extends string> {
  source: typeof PLUGIN_SOURCE
  v: typeof PROTOCOL_VERSION
  /** Random per plugin instance (one page load). */
  sid: string
  /** Counts from 0 within `sid`; `(tabId, sid, seq)` is the dedupe key. */
  seq: number
  /** `Date.now()` when the message was made. */
  time: number
  kind: K
  /** Set when the message was shrunk to fit `MAX_MESSAGE_BYTES`. */
  truncated?: boolean
}

export type DestinationOutcome = 'delivered' | 'blocked' | 'failed' | 'not-loaded'
export type DestinationLoadState = 'loaded' | 'lazy' | 'not-loaded' | 'failed'

export interface SettingsDestination {
  destination: string
  mode: DestinationMode
  categories: string[]
  /** URL prefixes its vendor code calls, where known. */
  hosts?: string[]
  load?: DestinationLoadState
  /** A destination plugin registered by the site, not from the settings. */
  local?: boolean
}

/** What each kind carries beyond the envelope: the name-to-payload map. */
export interface PluginMessages {
  probe: Record<never, never>
  hello: {
    pluginVersion: string
    analyticsVersion: string
    url: string
    /** Options summary: names and plain values; functions become `'function'`. */
    options: { [key: string]: Json }
  }
  settings: {
    destinations: SettingsDestination[]
    allCategories: string[]
    hasUnmappedDestinations?: boolean
    hasConsentSettings: boolean
  }
  consent: {
    cmp: string
    state: ConsentState
    previous?: ConsentState
    /** The effective preferences that events are now stamped with. */
    preferences: Record<string, boolean>
    /** A problem the consent source reported (the state is then `pending` or unchanged). */
    error?: string
  }
  event: {
    messageId: string
    type: string
    name?: string
    /** The `categoryPreferences` stamped on the event. */
    consent: Record<string, boolean>
    status: 'pending' | 'decided'
    decisions: RoutingDecision[]
    outcomes: Array<{ destination: string; outcome: DestinationOutcome; ms?: number; error?: string }>
    /** Set when the event was dropped as a whole (not sent anywhere). */
    dropped?: string
    /** The event as analytics-next built it (may be cut by truncation). */
    payload?: Json
  }
  hold: {
    action: 'held' | 'released' | 'dropped' | 'timeout'
    messageId?: string
    reason?: string
    /** Events held after this action. */
    held: number
  }
  destination: {
    action: 'loaded' | 'lazy-loaded' | 'deferred' | 'failed' | 'loaded-without-consent'
    destination: string
    /** For `loaded-without-consent`: every destination whose code ran without consent. */
    destinations?: string[]
    error?: string
    /** For `lazy-loaded`: the script its code came from, or `plugin factory`. */
    loadedFrom?: string
    /** For `lazy-loaded`: how many of the site's destination middleware apply to it. */
    middleware?: number
    /** For `lazy-loaded`: the transformer types of the Destination Filters that apply to it (e.g. `drop`). */
    filters?: string[]
  }
  /** From the debugger's own MAIN-world inspector hook, on pages without the plugin. */
  'inspector-settings': {
    instance: string
    destinations: SettingsDestination[]
    allCategories: string[]
    hasUnmappedDestinations?: boolean
    hasConsentSettings: boolean
  }
  'inspector-event': {
    instance: string
    messageId: string
    type: string
    name?: string
    consent: Record<string, boolean> | null
    payload?: Json
  }
}

export type MessageKind = keyof PluginMessages
export const MESSAGE_KINDS: readonly MessageKind[] = [
  'probe',
  'hello',
  'settings',
  'consent',
  'event',
  'hold',
  'destination',
  'inspector-settings',
  'inspector-event',
]

export type DiagnosticOf<K extends MessageKind> = Envelope<K> & PluginMessages[K]
/** Every message a page may send the debugger, discriminated by `kind`. */
export type Diagnostic = { [K in MessageKind]: DiagnosticOf<K> }[MessageKind]

/** Builds one message with the envelope filled in. */
export function createMessage<K extends MessageKind>(
  sid: string,
  seq: number,
  kind: K,
  body: PluginMessages[K],
  time = Date.now(),
): DiagnosticOf<K> {
  return { source: PLUGIN_SOURCE, v: PROTOCOL_VERSION, sid, seq, time, kind, ...body } as DiagnosticOf<K>
}

/**
 * Any version's announce counts: a newer debugger can still read this
 * plugin's probe and hello, and shows which side to update.
 */
export function isAnnounce(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false
  const d = data as Record<string, unknown>
  return d.source === DEBUGGER_SOURCE && typeof d.v === 'number' && d.kind === 'announce'
}
