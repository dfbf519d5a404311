import type { MessageKind, PluginMessages } from '../../shared/protocol/protocol'
import type { ContextLike } from '../analytics-slice'
import type { Routing } from '../enforcement/routing-table'
import type { Builders } from './message-builders'

/**
 * A message body, or a function that builds it from the runtime's builders:
 * built only if someone ever looks, and the builders' code stays in the
 * on-demand chunk.
 */
export type Body<K extends MessageKind> = PluginMessages[K] | ((build: Builders) => PluginMessages[K])

/**
 * What the always-loaded recorder keeps per happening: references, never a
 * built message. `expect` (an event left the guard with this routing) and
 * `delivered` / `failed` (analytics-next is done with it) are paired into
 * one `event` message by the on-demand runtime, so a page nobody inspects
 * pays one small object per happening and no accounting at all.
 */
export type RawEntry =
  | { kind: MessageKind; time: number; body: Body<MessageKind> }
  | { kind: 'expect'; time: number; ctx: ContextLike; routing: Routing; exempt: boolean }
  | { kind: 'delivered'; time: number; ctx: ContextLike }
  | { kind: 'failed'; time: number; ctx: ContextLike; error: unknown }
