/**
 * What both the plugin and the debugger import. Named exports only, so the
 * shared surface stays deliberate; this folder imports nothing outside itself.
 */
export { decideRouting, decideDestination, decideSegment, knownCategories } from './routing/decide-routing'
export { listDestinations, isInstallableIntegration, SEGMENT_IO, type DestinationInfo } from './routing/destinations'
export { viewConsent, modelInForce, passesRule, effectivePreferences, type ConsentView } from './routing/category-rule'
export type {
  CategoryRule,
  CdnSettingsLike,
  ConsentModel,
  ConsentState,
  DestinationMode,
  IntegrationSettingsLike,
  RoutingDecision,
  RoutingOptions,
  RoutingReason,
} from './routing/types'
export {
  ANNOUNCE,
  DEBUGGER_SOURCE,
  MESSAGE_KINDS,
  PLUGIN_SOURCE,
  PROTOCOL_VERSION,
  createMessage,
  isAnnounce,
  type Announce,
  type DestinationLoadState,
  type DestinationOutcome,
  type Diagnostic,
  type DiagnosticOf,
  type Envelope,
  type Json,
  type MessageKind,
  type PluginMessages,
  type SettingsDestination,
} from './protocol/protocol'
export { parseMessage, parseUntrustedMessage } from './protocol/parse-message'
export {
  BACKLOG_MAX_BYTES,
  BACKLOG_MAX_MESSAGES,
  MAX_JSON_DEPTH,
  MAX_LIST,
  MAX_MESSAGE_BYTES,
  MAX_NAME,
  MAX_STRING,
  utf8Bytes,
} from './protocol/limits'
export {
  MAX_SESSION_BYTES,
  SESSION_FORMAT,
  SESSION_VERSION,
  createSessionFile,
  parseSessionFile,
  type SessionFile,
  type SessionPage,
  type SessionParseResult,
} from './protocol/session-file'
