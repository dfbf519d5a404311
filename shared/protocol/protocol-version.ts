/**
 * The protocol version as data. A plugin and a debugger released apart may
 * speak different versions; every other message of a foreign version is
 * dropped (its fields mean something else), but its `probe` and `hello` are
 * kept, reduced to the fields every version shares, so the panel can say
 * which side to update instead of showing an empty list.
 */
import { MAX_NAME } from './field-limits'
import { PLUGIN_SOURCE, PROTOCOL_VERSION, type Diagnostic } from './protocol'
import { count, finite, isPlainRecord, oneOf, str } from './schema'

/** A probe or hello from a plugin that speaks another protocol version. */
export interface VersionGreeting {
  source: typeof PLUGIN_SOURCE
  /** The plugin's protocol version (not ours). */
  v: number
  sid: string
  seq: number
  time: number
  kind: 'probe' | 'hello'
  /** The plugin package's version, when its hello said so. */
  pluginVersion?: string
}

/** What the debugger keeps from a page: messages of its own version, and greetings of any other. */
export type PageMessage = Diagnostic | VersionGreeting

/** Protocol versions are small positive integers; anything else is not a version. */
export const isProtocolVersion = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 && v <= 1_000_000

const sid = str(64)
const kind = oneOf('probe', 'hello')

/**
 * A probe or hello of a version other than ours, as a new object holding only
 * the shared fields (the rest is never looked at, so it is never kept).
 */
export function parseGreeting(data: unknown): VersionGreeting | undefined {
  if (!isPlainRecord(data)) return undefined
  const { source, v, kind: k, seq, time } = data
  if (source !== PLUGIN_SOURCE || !isProtocolVersion(v) || v === PROTOCOL_VERSION || !kind(k)) return undefined
  if (!sid(data.sid) || !count(seq) || !finite(time)) return undefined
  const greeting: VersionGreeting = { source: PLUGIN_SOURCE, v, sid: data.sid as string, seq: seq as number, time: time as number, kind: k as VersionGreeting['kind'] }
  const version = data.pluginVersion
  if (k === 'hello' && typeof version === 'string' && version.length > 0 && version.length <= MAX_NAME) greeting.pluginVersion = version
  return greeting
}

/** Whether a stored message is one of this protocol version (not another version's greeting). */
export const isCurrentVersion = (m: PageMessage): m is Diagnostic => m.v === PROTOCOL_VERSION

export interface VersionMismatch {
  /** The protocol version the page's plugin speaks. */
  plugin: number
  /** The one this debugger (or audit) speaks. */
  extension: number
  /** Which side is older and needs the update. */
  update: 'extension' | 'plugin'
  /** The plugin package's version, when known. */
  pluginVersion?: string
}

/** The mismatch between a plugin's protocol version and ours, if any. */
export function versionMismatch(plugin: number, extension: number = PROTOCOL_VERSION, pluginVersion?: string): VersionMismatch | undefined {
  if (plugin === extension) return undefined
  return { plugin, extension, update: plugin > extension ? 'extension' : 'plugin', ...(pluginVersion ? { pluginVersion } : {}) }
}

/** The mismatch as one sentence for a person: both versions, and what to update. */
export function describeMismatch(m: VersionMismatch, tool = 'this debugger'): string {
  const plugin = `The page's Consent Guard plugin${m.pluginVersion ? ` ${m.pluginVersion}` : ''} speaks diagnostics protocol v${m.plugin}; ${tool} speaks v${m.extension}.`
  return m.update === 'extension'
    ? `${plugin} The plugin is newer: update ${tool} to see its events.`
    : `${plugin} The plugin is older: update the consent-guard package on the page to see its events.`
}
