/**
 * The routing vocabulary both sides share. Pure types: the plugin, the panel
 * and exported sessions all speak in these shapes.
 */

/** The consent model: opt-in holds everything non-necessary until a decision. */
export type ConsentModel = 'opt-in' | 'opt-out'

/** The consent in force at one moment, as a consent source reports it. */
export interface ConsentState {
  /** `pending`: the CMP is not ready, or the user has not chosen yet. */
  status: 'pending' | 'decided'
  /** Category id -> consented, named the way the CMP names them (e.g. OneTrust `C0002`). */
  categories: Record<string, boolean>
  /** The user acted (vs. implied consent or defaults). */
  explicit?: boolean
  /** The model the CMP reports, if it reports one. */
  model?: ConsentModel
  /** `navigator.globalPrivacyControl` was on when the state was read. */
  gpc?: boolean
  /** Adapter name, e.g. `'onetrust'`. */
  source: string
}

/**
 * How a destination mapped to several categories is decided: `all` of them
 * must count, `any` one of them, or your own function (it receives the
 * effective preferences, the same map that is stamped on the event).
 */
export type CategoryRule =
  | 'all'
  | 'any'
  | ((required: string[], prefs: Record<string, boolean>, info: { destination: string }) => boolean)

/** The options that change routing; a subset of the plugin's options. */
export interface RoutingOptions {
  /** @default state.model ?? 'opt-in' */
  consentModel?: ConsentModel
  /** Destination name -> categories; overrides CDN `consentSettings.categories`. */
  integrationCategoryMappings?: Record<string, string[]>
  /** @default 'all' */
  categoryRule?: CategoryRule
  /** Destinations with no category. @default 'allow' */
  unmappedDestinations?: 'allow' | 'block'
  /** Categories denied when the GPC signal is on. @default false */
  gpc?: { deny: string[] } | false
}

export type DestinationMode = 'device' | 'cloud' | 'segment'

export type RoutingReason =
  | 'consented'
  | 'missing-consent'
  | 'gpc'
  | 'unmapped-allowed'
  | 'unmapped-blocked'
  | 'pending'

/** Whether one destination may receive events under one consent state, and why. */
export interface RoutingDecision {
  /** CDN creationName, `'Segment.io'`, or the plugin name for local plugins. */
  destination: string
  /** `segment`: Segment.io itself. */
  mode: DestinationMode
  /** Required categories after mappings. */
  categories: string[]
  allowed: boolean
  reason: RoutingReason
  /** Required categories that do not count, in the order they were required. */
  missing: string[]
}

/** The slice of one analytics-next integration's CDN settings that routing reads. */
export interface IntegrationSettingsLike {
  type?: string
  bundlingStatus?: string
  versionSettings?: { componentTypes?: string[]; version?: string; override?: string }
  consentSettings?: { categories?: string[] }
  [key: string]: unknown
}

/** The slice of analytics-next's CDN settings that routing reads. */
export interface CdnSettingsLike {
  integrations: Record<string, IntegrationSettingsLike>
  remotePlugins?: Array<{ name: string; creationName: string; url?: string; libraryName?: string; settings?: object }>
  consentSettings?: { allCategories?: string[]; hasUnmappedDestinations?: boolean }
  [key: string]: unknown
}
