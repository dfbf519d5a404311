/**
 * What the extension's own parts say to each other (never to the page):
 * relay -> worker batches, panel <-> worker port traffic, and the tab list.
 * The page only ever talks the diagnostics protocol in shared/protocol.
 */
import type { PageMessage } from '../../shared/protocol/protocol-version'

/** One validated diagnostic as the worker stored it (another protocol version's probe or hello included, reduced). */
export interface BufferedMessage {
  type: 'message'
  message: PageMessage
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

/**
 * Content script -> worker: messages whose envelope and size the relay
 * checked (the worker validates every field), in page order, as their JSON
 * texts joined by line feeds (`JSON.stringify` never writes a raw line feed,
 * so splitting is exact). One string costs the sending page about half of
 * what an array of 500 strings did (profiled in the bench), no more than the
 * object tree, and it is the very text the worker stores, so nothing is
 * serialised again there. A relay has several batches in flight during a
 * burst, so each carries its place: the worker stores batch `batch` only
 * once every earlier batch of the page is stored or given up (`floor`: the
 * relay's oldest batch not yet acknowledged nor given up), and refuses it
 * otherwise, so a retry after a worker restart can never land after a later
 * batch.
 */
export interface RelayBatch {
  type: 'relay-batch'
  /** Random per document; a new one means a navigation. */
  pageId: string
  /** Counts from 0 per page; a retry keeps its number. */
  batch: number
  floor: number
  messages: string
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

/**
 * Worker -> panel over the port. Entries go as objects, although the worker
 * has their JSON text: text inside a port message is escaped on the way and
 * must be parsed again in the panel (measured in the bench: no cheaper for
 * the worker, slower for the panel).
 */
export type WorkerUpdate =
  | { type: 'snapshot'; tabId: number; entries: BufferEntry[]; dropped: number }
  | { type: 'append'; tabId: number; entries: BufferEntry[]; dropped: number }
  | { type: 'cleared'; tabId: number; dropped: number }

export const PANEL_PORT_NAME = 'consent-guard-panel'

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const isTabId = isCount

/** Guards the port input: a panel is ours, but a stale or buggy one must not crash the worker. */
export function isPanelRequest(v: unknown): v is PanelRequest {
  return isRecord(v) && (v.type === 'subscribe' || v.type === 'clear') && isTabId(v.tabId)
}

export function isRelayBatch(v: unknown): v is RelayBatch {
  return (
    isRecord(v) &&
    v.type === 'relay-batch' &&
    typeof v.pageId === 'string' &&
    v.pageId.length <= 64 &&
    isCount(v.batch) &&
    isCount(v.floor) &&
    v.floor <= v.batch &&
    typeof v.messages === 'string'
  )
}

export function isListTabsRequest(v: unknown): v is ListTabsRequest {
  return isRecord(v) && v.type === 'list-tabs'
}

export function isWorkerUpdate(v: unknown): v is WorkerUpdate {
  if (!isRecord(v) || !isTabId(v.tabId) || typeof v.dropped !== 'number') return false
  if (v.type === 'cleared') return true
  return (v.type === 'snapshot' || v.type === 'append') && Array.isArray(v.entries)
}
