/**
 * Structural types for the parts of analytics-next the plugin uses. Up front
 * the plugin imports nothing from analytics-next at run time (it is a peer);
 * only the on-demand lazy loaders import its own loader modules, from the
 * site's copy (lazy/destination-loaders.ts). So these describe what we rely
 * on; a type test proves the real classes fit them.
 */
import type { CdnSettingsLike } from '../shared/routing/types'

export type EventType = 'track' | 'page' | 'identify' | 'group' | 'alias' | 'screen'

export interface SegmentEventLike {
  type: EventType
  /** A track event's name. */
  event?: string
  /** A page or screen call's name. */
  name?: string
  messageId?: string
  context?: { consent?: unknown; [key: string]: any }
  integrations?: Record<string, unknown>
}

export interface ContextLike {
  readonly id: string
  event: SegmentEventLike
  /** Throws a ContextCancelation (analytics-next's own class). */
  cancel(error?: unknown): never
  logs(): Array<{ level: string; message: string; extras?: Record<string, unknown> }>
}

/** The plugin shape analytics-next registers (analytics-next `Plugin`). */
export interface PluginLike {
  name: string
  version?: string
  type: 'before' | 'after' | 'destination' | 'enrichment' | 'utility'
  alternativeNames?: string[]
  isLoaded(): boolean
  load(ctx: any, instance: any, config?: any): Promise<unknown>
  unload?(ctx: any, instance: any): Promise<unknown> | unknown
  ready?(): Promise<unknown>
  track?(ctx: any): Promise<any> | any
  identify?(ctx: any): Promise<any> | any
  page?(ctx: any): Promise<any> | any
  group?(ctx: any): Promise<any> | any
  alias?(ctx: any): Promise<any> | any
  screen?(ctx: any): Promise<any> | any
}

type Listener = (...args: any[]) => void
export interface EmitterLike {
  on(event: string, listener: Listener): unknown
  off(event: string, listener: Listener): unknown
}

export interface AnalyticsLike extends EmitterLike {
  readonly VERSION: string
  settings: { cdnSettings?: CdnSettingsLike; cdnURL?: string; writeKey?: string }
  options?: InitOptionsLike
  /** The load option `integrations` (the site's switches), as analytics-next keeps it. */
  integrations?: Record<string, unknown>
  addDestinationMiddleware?(...call: unknown[]): Promise<unknown>
  queue: EmitterLike & { plugins: PluginLike[] }
  register(...plugins: PluginLike[]): Promise<unknown>
  track(name: string, properties?: object, options?: object): Promise<unknown>
}

/** The load options we compose hooks into (analytics-next `InitOptions`). */
export interface InitOptionsLike {
  updateCDNSettings?: (settings: any) => any
  disable?: boolean | ((settings: any) => boolean | Promise<boolean>)
  integrations?: Record<string, any>
  [key: string]: any
}
