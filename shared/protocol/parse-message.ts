/**
 * The validator both sides use: envelope, every field of every kind, sizes.
 * Anything else (unknown kind, extra field, wrong version, too big) is dropped.
 */
import { MAX_MESSAGE_BYTES } from './limits'
import { utf8Bytes } from './utf8-bytes'
import { PLUGIN_SOURCE, PROTOCOL_VERSION, type Diagnostic, type Envelope, type MessageKind } from './protocol'
import { parseGreeting, type PageMessage } from './protocol-version'
import { bool, count, finite, isPlainRecord, json, list, name, oneOf, orNull, record, shape, str, type Check } from './schema'

const categories = list(name)
const preferences = record(bool)

const consentState = shape(
  { status: oneOf('pending', 'decided'), categories: preferences, source: name },
  { explicit: bool, model: oneOf('opt-in', 'opt-out'), gpc: bool },
)

const decision = shape({
  destination: name,
  mode: oneOf('device', 'cloud', 'segment'),
  categories,
  allowed: bool,
  reason: oneOf('consented', 'missing-consent', 'gpc', 'unmapped-allowed', 'unmapped-blocked', 'pending'),
  missing: categories,
})

const settingsDestination = shape(
  { destination: name, mode: oneOf('device', 'cloud', 'segment'), categories },
  { hosts: list(str(1024), 50), load: oneOf('loaded', 'lazy', 'not-loaded', 'failed'), local: bool },
)

const settingsBody = {
  required: { destinations: list(settingsDestination), allCategories: categories, hasConsentSettings: bool },
  optional: { hasUnmappedDestinations: bool },
}

/** Kind-specific fields, required and optional. */
const BODIES: Record<MessageKind, { required: Record<string, Check>; optional?: Record<string, Check> }> = {
  probe: { required: {} },
  hello: {
    required: { pluginVersion: name, analyticsVersion: name, url: str(), options: record(json, 64) },
  },
  settings: settingsBody,
  consent: {
    required: { cmp: name, state: consentState, preferences },
    optional: { previous: consentState, error: str() },
  },
  event: {
    required: {
      messageId: name,
      type: name,
      consent: preferences,
      status: oneOf('pending', 'decided'),
      decisions: list(decision),
      outcomes: list(
        shape(
          { destination: name, outcome: oneOf('delivered', 'blocked', 'failed', 'not-loaded') },
          { ms: finite, error: str() },
        ),
      ),
    },
    optional: { name: str(), dropped: str(), payload: json },
  },
  hold: {
    required: { action: oneOf('held', 'released', 'dropped', 'timeout'), held: count },
    optional: { messageId: name, reason: str() },
  },
  destination: {
    required: {
      action: oneOf('loaded', 'lazy-loaded', 'deferred', 'failed', 'loaded-without-consent'),
      destination: name,
    },
    optional: { destinations: list(name), error: str(), loadedFrom: str(2048), middleware: count, filters: list(name, 50) },
  },
  'inspector-settings': {
    required: { instance: name, ...settingsBody.required },
    optional: settingsBody.optional,
  },
  'inspector-event': {
    required: { instance: name, messageId: name, type: name, consent: orNull(preferences) },
    optional: { name: str(), payload: json },
  },
}

/** Every kind, from the bodies above (not MESSAGE_KINDS: the plugin's always-loaded code would then carry the list). */
const KINDS = Object.keys(BODIES) as MessageKind[]

const ENVELOPE = {
  source: oneOf(PLUGIN_SOURCE),
  v: oneOf(PROTOCOL_VERSION),
  sid: str(64),
  seq: count,
  time: finite,
  kind: oneOf(...KINDS),
}

export const VALIDATORS = Object.fromEntries(
  KINDS.map((kind) => {
    const body = BODIES[kind]
    return [kind, shape({ ...ENVELOPE, ...body.required }, { truncated: bool, ...body.optional })]
  }),
) as Record<MessageKind, Check>

const envelope = shape(ENVELOPE)

/**
 * The envelope alone (fields of the body not checked): what the debugger's
 * relay checks on the page's thread, before the worker validates every field.
 * A probe or hello of another protocol version passes too (see
 * protocol-version.ts): the panel needs it to say which side to update.
 */
export function isEnvelope(data: unknown): data is Envelope<MessageKind> {
  if (!isPlainRecord(data)) return false
  const { source, v, sid, seq, time, kind, truncated } = data
  if (truncated !== undefined && typeof truncated !== 'boolean') return false
  return envelope({ source, v, sid, seq, time, kind }) || parseGreeting(data) !== undefined
}

/**
 * A message of this protocol version (`parseMessage`), else a probe or hello
 * of another version reduced to what every version shares (a new object).
 */
export function parsePageMessage(data: unknown): PageMessage | undefined {
  return parseMessage(data) ?? parseGreeting(data)
}

/** Validates an already-decoded message of this protocol version; returns it typed, or undefined. */
export function parseMessage(data: unknown): Diagnostic | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const kind = (data as { kind?: unknown }).kind
  if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(VALIDATORS, kind)) return undefined
  return VALIDATORS[kind as MessageKind](data) ? (data as Diagnostic) : undefined
}

/**
 * Validates with the size cap too. Use it at every trust boundary: the
 * serialised form is measured, so a message cannot smuggle in more than
 * `MAX_MESSAGE_BYTES`.
 */
export function parseUntrustedMessage(data: unknown): Diagnostic | undefined {
  const message = parseMessage(data)
  return message && fitsCap(message) ? message : undefined
}

/** `parsePageMessage` with the size cap: what an exported session may hold. */
export function parseUntrustedPageMessage(data: unknown): PageMessage | undefined {
  const message = parsePageMessage(data)
  return message && fitsCap(data) ? message : undefined
}

function fitsCap(message: unknown): boolean {
  let text: string
  try {
    text = JSON.stringify(message)
  } catch {
    return false
  }
  return utf8Bytes(text) <= MAX_MESSAGE_BYTES
}
