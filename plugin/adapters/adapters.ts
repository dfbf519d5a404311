/**
 * Every consent platform adapter, by name. Each lives in its own module with
 * no side effects, so a bundle keeps only the factories it calls.
 */
export { oneTrust } from './one-trust'
export { tcf, type TcfOptions } from './tcf'
export { gpp, type GppOptions } from './gpp'
export { googleConsentMode } from './google-consent-mode'
export { cookiebot } from './cookiebot'
export { usercentrics, type UsercentricsOptions } from './usercentrics'
export { didomi } from './didomi'
export { osano } from './osano'
export { ketch } from './ketch'
export { klaro } from './klaro'
export { cookieConsent, type CookieConsentOptions } from './cookie-consent'
export { custom, type CustomSourceOptions } from './custom'
export { staticConsent } from './static-consent'
