/**
 * The public surface of `consent-guard`. Every export is named on purpose
 * (no `export *`), so nothing internal leaks into the package's API.
 * Left out on purpose: the routing table, the hold and the transport, which
 * are implementation details of `consentGuard()`.
 */
export { consentGuard, type ConsentGuardPlugin } from './consent-guard'
export { ConsentGuardConfigError } from './options/config-error'
export type { ConsentGuardOptions } from './options/consent-guard-options'
export type { ConsentSource } from './consent-source'
export { decideRouting } from '../shared/routing/decide-routing'
export type {
  CategoryRule,
  CdnSettingsLike,
  ConsentModel,
  ConsentState,
  RoutingDecision,
  RoutingOptions,
  RoutingReason,
} from '../shared/routing/types'
export type { Diagnostic } from '../shared/protocol/protocol'
export {
  cookieConsent,
  cookiebot,
  custom,
  didomi,
  googleConsentMode,
  gpp,
  ketch,
  klaro,
  oneTrust,
  osano,
  staticConsent,
  tcf,
  usercentrics,
  type CookieConsentOptions,
  type CustomSourceOptions,
  type GppOptions,
  type TcfOptions,
  type UsercentricsOptions,
} from './adapters/adapters'
