import type { CategoryRule, ConsentModel } from '../../shared/routing/types'
import type { ConsentSource } from '../consent-source'

/** Options of `consentGuard()`. The README's options table mirrors these comments. */
export interface ConsentGuardOptions {
  /** Where consent comes from: an adapter (`oneTrust()`, ...) or `custom({ read })`. Required. */
  cmp: ConsentSource
  /**
   * Opt-in: nothing non-necessary before a decision; opt-out: allowed until denied.
   * @default what the CMP reports, else 'opt-in'
   */
  consentModel?: ConsentModel
  /** Destination name -> categories; overrides CDN `consentSettings.categories` for the destinations it lists. */
  integrationCategoryMappings?: Record<string, string[]>
  /**
   * How a destination mapped to several categories is decided.
   * @default 'all'
   */
  categoryRule?: CategoryRule
  /**
   * Destinations with no category (Segment's server also allows them).
   * @default 'allow'
   */
  unmappedDestinations?: 'allow' | 'block'
  /**
   * Opt-in only: hold events while consent is pending, for at most `timeoutMs` and `maxEvents` (at least 1;
   * `timeoutMs: 0` sends them at once).
   * @default { timeoutMs: 10000, maxEvents: 1000 }
   */
  waitForConsent?: { timeoutMs?: number; maxEvents?: number }
  /**
   * Categories denied when `navigator.globalPrivacyControl === true`.
   * @default false
   * @example { deny: ['C0004'] }
   */
  gpc?: { deny: string[] } | false
  /**
   * Send `Segment Consent Preference Updated` when preferences really change.
   * @default true
   */
  consentChangedEvent?: boolean
  /**
   * Opt-in: do not load an unconsented device-mode destination's code; load it when consent arrives.
   * @default true
   */
  lazyDestinations?: boolean
  /**
   * Also disable cloud-mode destinations lacking consent via the event's `integrations` flags.
   * @default false
   */
  enforceCloudMode?: boolean
  /**
   * `auto`: post diagnostics only once the debugger has announced itself.
   * @default 'auto'
   */
  diagnostics?: 'auto' | 'always' | 'off'
  /** Destination name -> URL prefixes its vendor code calls (for the debugger's network check). */
  destinationHosts?: Record<string, string[]>
}

/** Options after validation, with every default filled in. */
export interface ResolvedOptions {
  cmp: ConsentSource
  consentModel: ConsentModel | undefined
  integrationCategoryMappings: Record<string, string[]>
  categoryRule: CategoryRule
  unmappedDestinations: 'allow' | 'block'
  waitForConsent: { timeoutMs: number; maxEvents: number }
  gpc: { deny: string[] } | false
  consentChangedEvent: boolean
  lazyDestinations: boolean
  enforceCloudMode: boolean
  diagnostics: 'auto' | 'always' | 'off'
  destinationHosts: Record<string, string[]>
}
