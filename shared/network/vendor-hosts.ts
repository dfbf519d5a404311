/**
 * URL prefixes that common Segment destinations' vendor code loads from or
 * sends to, by destination name (the CDN settings' creationName). A request
 * to one of them while the destination is blocked is a leak. The plugin's
 * `destinationHosts` option (carried in `settings`) adds to or overrides it.
 * A prefix without a scheme matches http and https.
 */
export const VENDOR_HOSTS: Readonly<Record<string, readonly string[]>> = {
  'Google Analytics 4 Web': ['www.googletagmanager.com/gtag/', 'www.google-analytics.com/', 'region1.google-analytics.com/', 'analytics.google.com/g/collect'],
  'Google Tag Manager': ['www.googletagmanager.com/gtm.js'],
  'Google Ads (Gtag)': ['www.googletagmanager.com/gtag/', 'www.googleadservices.com/', 'googleads.g.doubleclick.net/'],
  'Facebook Pixel': ['connect.facebook.net/', 'www.facebook.com/tr'],
  'Facebook Conversions API (Actions)': [],
  'Hotjar': ['static.hotjar.com/', 'script.hotjar.com/', 'vars.hotjar.com/', 'in.hotjar.com/'],
  'Mixpanel': ['cdn.mxpnl.com/', 'api-js.mixpanel.com/', 'api.mixpanel.com/'],
  'Mixpanel (Actions)': ['api-js.mixpanel.com/', 'api.mixpanel.com/'],
  'Amplitude': ['cdn.amplitude.com/', 'api2.amplitude.com/', 'api.eu.amplitude.com/'],
  'Actions Amplitude': ['cdn.amplitude.com/', 'api2.amplitude.com/', 'api.eu.amplitude.com/'],
  'FullStory': ['edge.fullstory.com/', 'rs.fullstory.com/'],
  'Fullstory (Actions)': ['edge.fullstory.com/', 'rs.fullstory.com/'],
  'Braze Web Mode (Actions)': ['js.appboycdn.com/', 'sdk.iad-01.braze.com/', 'sdk.iad-03.braze.com/', 'sdk.fra-01.braze.eu/'],
  'Intercom': ['widget.intercom.io/', 'js.intercomcdn.com/', 'api-iam.intercom.io/'],
  'Intercom Web (Actions)': ['widget.intercom.io/', 'js.intercomcdn.com/', 'api-iam.intercom.io/'],
  'LinkedIn Insight Tag': ['snap.licdn.com/', 'px.ads.linkedin.com/'],
  'TikTok Pixel': ['analytics.tiktok.com/'],
  'Twitter Ads': ['static.ads-twitter.com/', 'analytics.twitter.com/', 't.co/i/adsct'],
  'Pinterest Tag': ['s.pinimg.com/ct/', 'ct.pinterest.com/'],
  'Snap Pixel': ['sc-static.net/scevent.min.js', 'tr.snapchat.com/'],
  'Bing Ads': ['bat.bing.com/'],
  'HubSpot': ['js.hs-scripts.com/', 'js.hs-analytics.net/', 'track.hubspot.com/'],
  'Heap': ['cdn.heapanalytics.com/', 'heapanalytics.com/h'],
  'Hubspot Web (Actions)': ['js.hs-scripts.com/', 'js.hs-analytics.net/', 'track.hubspot.com/'],
  'Criteo': ['static.criteo.net/', 'sslwidget.criteo.com/'],
  'Optimizely Web': ['cdn.optimizely.com/', 'logx.optimizely.com/'],
  'Quora Conversion Pixel': ['a.quora.com/qevents.js', 'q.quora.com/'],
  'Reddit Pixel': ['www.redditstatic.com/ads/', 'alb.reddit.com/'],
  'Clarity': ['www.clarity.ms/'],
  'Google Enhanced Conversions': [],
}

/** Segment's own API hosts: event requests there must carry the consent object. */
export const SEGMENT_API_PREFIXES: readonly string[] = ['api.segment.io/v1/', 'events.eu1.segmentapis.com/v1/']
