/**
 * Type tests (checked by `tsc --noEmit` in `npm test`): the structural slice
 * of analytics-next we code against must be satisfied by the real classes,
 * and the guard must be a plugin analytics-next accepts.
 */
import type { Analytics, Context, InitOptions, Plugin } from '@segment/analytics-next'
import type { AnalyticsLike, ContextLike, InitOptionsLike, PluginLike } from './analytics-slice'
import type { ConsentGuardPlugin } from './consent-guard'

type Extends<A, B> = [A] extends [B] ? true : false

export const analyticsFits: Extends<Analytics, AnalyticsLike> = true
export const contextFits: Extends<Context, ContextLike> = true
export const pluginFits: Extends<Plugin, PluginLike> = true
export const guardIsAPlugin: Extends<ConsentGuardPlugin, Plugin> = true
export const initOptionsFit: Extends<InitOptions, InitOptionsLike> = true
// @ts-expect-error a guard is an enrichment plugin, never a destination
export const guardIsNotADestination: Extends<ConsentGuardPlugin, { type: 'destination' }> = true
