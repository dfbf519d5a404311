/**
 * What the extension's own parts say to each other (never to the page):
 * relay -> worker batches, panel <-> worker port traffic, and the tab list.
 * The page only ever talks the diagnostics protocol in shared/protocol.
 */
import type { Diagnostic } from '../../shared/protocol/protocol'

/** One validated diagnostic as the worker stored it. */
export interface BufferedMessage {
  type: 'message'
  message: Diagnostic
  /** `Date.now()` in the worker when it was stored. */
  receivedAt: number
}

/** A new page (a new relay instance) started sending in this tab. */
export interface NavigationMarker {
  type: 'navigation'
  /** The frame URL as the browser reported it with the message (not from page data). */
  url: string
  time: number
  pageId: string
}

export type BufferEntry = BufferedMessage | NavigationMarker

/** Content script -> worker: messages that passed the relay's checks, in page order. */
export interface RelayBatch {
  type: 'relay-batch'
  /** Random per document; a new one means a navigation. */
  pageId: string
  messages: Diagnostic[]
}

/** Extension page -> worker: which tabs have buffers (tests find a tab id by URL with it). */
export interface ListTabsRequest {
  type: 'list-tabs'
}

export interface TabSummary {
  tabId: number
  url: string
  count: number
  dropped: number
  bytes: number
}

/** Panel -> worker over the port. */
export type PanelRequest = { type: 'subscribe'; tabId: number } | { type: 'clear'; tabId: number }

/** Worker -> panel over the port. */
export type WorkerUpdate =
  | { type: 'snapshot'; tabId: number; entries: BufferEntry[]; dropped: number }
  | { type: 'append'; tabId: number; entries: BufferEntry[]; dropped: number }
  | { type: 'cleared'; tabId: number; dropped: number }

export const PANEL_PORT_NAME = 'consent-guard-panel'

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const isTabId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0

/** Guards the port input: a panel is ours, but a stale or buggy one must not crash the worker. */
export function isPanelRequest(v: unknown): v is PanelRequest {
  return isRecord(v) && (v.type === 'subscribe' || v.type === 'clear') && isTabId(v.tabId)
}

export function isRelayBatch(v: unknown): v is RelayBatch {
  return isRecord(v) && v.type === 'relay-batch' && typeof v.pageId === 'string' && v.pageId.length <= 64 && Array.isArray(v.messages)
}

export function isListTabsRequest(v: unknown): v is ListTabsRequest {
  return isRecord(v) && v.type === 'list-tabs'
}

export function isWorkerUpdate(v: unknown): v is WorkerUpdate {
  if (!isRecord(v) || !isTabId(v.tabId) || typeof v.dropped !== 'number') return false
  if (v.type === 'cleared') return true
  return (v.type === 'snapshot' || v.type === 'append') && Array.isArray(v.entries)
}
