/**
 * Cookie name prefixes that common Segment destinations' vendor code sets,
 * by destination name (the CDN settings' creationName, as in vendor-hosts.ts).
 * A cookie attributed to a destination whose categories were not granted is
 * a leak (the consent audit checks the cookie jar with it). Prefixes match
 * case-sensitively from the start of the cookie name; keep them specific
 * enough not to catch a site's own cookies (no two-letter prefixes).
 */
export const VENDOR_COOKIES: Readonly<Record<string, readonly string[]>> = {
  // Segment's own: analytics-next sets these whatever the consent; attributed so they are never blamed on a vendor.
  'Segment.io': ['ajs_'],
  'Google Analytics 4 Web': ['_ga', '_gid', '_gat'],
  'Google Tag Manager': ['_dc_gtm_'],
  'Google Ads (Gtag)': ['_gcl_', '_gac_'],
  'Google Enhanced Conversions': ['_gcl_'],
  'Facebook Pixel': ['_fbp', '_fbc'],
  'Hotjar': ['_hj'],
  'Mixpanel': ['mp_'],
  'Mixpanel (Actions)': ['mp_'],
  'Amplitude': ['amp_', 'AMP_'],
  'Actions Amplitude': ['amp_', 'AMP_'],
  'FullStory': ['fs_uid', 'fs_lua', 'fs_cid'],
  'Fullstory (Actions)': ['fs_uid', 'fs_lua', 'fs_cid'],
  'Braze Web Mode (Actions)': ['ab.storage.'],
  'Intercom': ['intercom-'],
  'Intercom Web (Actions)': ['intercom-'],
  'LinkedIn Insight Tag': ['li_fat_id', 'li_sugr', '_li_dcdm_c'],
  'TikTok Pixel': ['_ttp', '_tt_enable_cookie'],
  'Twitter Ads': ['_twclid', 'muc_ads'],
  'Pinterest Tag': ['_pin_unauth', '_pinterest_', '_epik'],
  'Snap Pixel': ['_scid', '_sctr'],
  'Bing Ads': ['_uetsid', '_uetvid', '_uetmsclkid'],
  'HubSpot': ['__hstc', '__hssc', '__hssrc', 'hubspotutk'],
  'Hubspot Web (Actions)': ['__hstc', '__hssc', '__hssrc', 'hubspotutk'],
  'Heap': ['_hp2_'],
  'Criteo': ['cto_'],
  'Optimizely Web': ['optimizely'],
  'Reddit Pixel': ['_rdt_uuid'],
  'Clarity': ['_clck', '_clsk'],
}

/**
 * The destinations a cookie may belong to: every destination with a prefix
 * of `name`, from `extra` (e.g. the audit's `destinationCookies` option) and
 * the built-in table. Several can match (`_gcl_au` is set by Google Ads and
 * by Google's enhanced conversions); the caller decides what that means.
 */
export function attributeCookie(
  name: string,
  extra: Readonly<Record<string, readonly string[]>> = {},
  table: Readonly<Record<string, readonly string[]>> = VENDOR_COOKIES,
): string[] {
  const found: string[] = []
  for (const source of [extra, table]) {
    for (const [destination, prefixes] of Object.entries(source)) {
      if (found.includes(destination)) continue
      if (prefixes.some((prefix) => prefix.length > 0 && name.startsWith(prefix))) found.push(destination)
    }
  }
  return found
}
