/**
 * Builds the HTML of test pages as strings. Pages load the built page bundle
 * (`/pages/analytics-page.js`, which sets `window.AnalyticsNext` and, once the
 * plugin exists, `window.ConsentGuard`) and then run the test's own script.
 */

/** Embeds a value in an inline script: JSON with `<` escaped so `</script>` cannot end it. */
export function scriptLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A page: external scripts load first, in order, then the inline scripts. */
export interface HtmlPageOptions {
  title?: string
  /** Script URLs loaded (synchronously, in order) in `<head>`. */
  scripts?: string[]
  /** Inline scripts run after `scripts`, in order. Trusted test code, not data. */
  inlineScripts?: string[]
  /** Raw body markup (trusted test markup). */
  body?: string
}

/** The complete HTML document. */
export function htmlPage({ title = 'test page', scripts = [], inlineScripts = [], body = '' }: HtmlPageOptions): string {
  const head = [
    '<meta charset="utf-8">',
    `<title>${escapeText(title)}</title>`,
    ...scripts.map((src) => `<script src="${escapeText(src)}"></script>`),
    ...inlineScripts.map((code) => `<script>\n${code}\n</script>`),
  ]
  return `<!doctype html>\n<html>\n<head>\n${head.join('\n')}\n</head>\n<body>\n${body}\n</body>\n</html>\n`
}

/** Where the page bundle is served (see startTestServer's default static mount). */
export const ANALYTICS_PAGE_SCRIPT = '/pages/analytics-page.js'

/** How a test page calls `AnalyticsBrowser.load`. */
export interface AnalyticsPageOptions {
  /** The test server origin: `cdnURL`, where classic bundles and settings are fetched. */
  serverUrl: string
  writeKey?: string
  /** Inline CDN settings; when absent analytics-next fetches them from the server. */
  cdnSettings?: unknown
  /** Extra `InitOptions` (JSON only); Segment.io is pointed at the sink and persistence is off. */
  loadOptions?: Record<string, unknown>
  /**
   * JS run before load, e.g. a CMP fake or `var plugins = [...]`. It may set
   * `window.testPlugins` (array) and `window.testLoadOptions(options)` (a
   * function returning the final InitOptions, e.g. `guard.loadOptions`).
   */
  setup?: string
  title?: string
  body?: string
}

/**
 * A page that loads analytics-next with no network but the test server and
 * keeps the instance as `window.analytics`; `window.analyticsReady` is the
 * load promise (rejects if loading failed).
 */
export function analyticsPage(options: AnalyticsPageOptions): string {
  const writeKey = options.writeKey ?? 'test-write-key'
  const apiHost = `${new URL(options.serverUrl).host}/v1`
  const settings = { writeKey, cdnURL: options.serverUrl, ...(options.cdnSettings ? { cdnSettings: options.cdnSettings } : {}) }
  const loadOptions = {
    disableClientPersistence: true,
    ...options.loadOptions,
    integrations: {
      ...((options.loadOptions?.integrations as Record<string, unknown> | undefined) ?? {}),
      'Segment.io': { apiHost, protocol: 'http' },
    },
  }
  const load = `
var settings = ${scriptLiteral(settings)};
settings.plugins = window.testPlugins || [];
var options = ${scriptLiteral(loadOptions)};
if (typeof window.testLoadOptions === 'function') options = window.testLoadOptions(options);
window.analytics = AnalyticsNext.AnalyticsBrowser.load(settings, options);
window.analyticsReady = window.analytics.then(function () { return true; });`
  return htmlPage({
    title: options.title ?? 'analytics-next test page',
    scripts: [ANALYTICS_PAGE_SCRIPT],
    inlineScripts: [...(options.setup ? [options.setup] : []), load],
    body: options.body,
  })
}

/**
 * The `setup` script of an `analyticsPage()` that registers Consent Guard
 * (the IIFE build's `window.ConsentGuard`) with its load options.
 * `guardOptions` is the options' source text, e.g.
 * `{ cmp: ConsentGuard.staticConsent({ C0002: true }) }`.
 */
export function guardSetup(guardOptions: string): string {
  return `var guard = ConsentGuard.consentGuard(${guardOptions});
window.testPlugins = [guard];
window.testLoadOptions = function (options) { return guard.loadOptions(options); };`
}
