/**
 * A test page that loads analytics-next the way the snippet does, with a
 * proxied CDN: Segment's snippet stub with `_cdn` set to the test server,
 * which serves analytics-next's own standalone build as
 * `/analytics.js/v1/<writeKey>/analytics.min.js`, the chunks it loads from
 * its CDN (`/analytics-next/bundles/`), and the CDN settings. No `cdnURL`:
 * analytics-next finds its CDN only through `_cdn`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyticsNextDir } from '../../../vite.pages.config'
import { ANALYTICS_PAGE_SCRIPT, htmlPage, scriptLiteral, type AnalyticsPageOptions } from '../../servers/html-page'
import type { TestServer } from '../../servers/test-server'

const JS = 'text/javascript; charset=utf-8'

/** Serves the standalone build and its chunks from `server`, as Segment's CDN (or a proxy of it) does. */
function serveStandalone(server: TestServer, writeKey: string): void {
  const umd = join(analyticsNextDir(), 'dist/umd')
  server.serve(`/analytics.js/v1/${writeKey}/analytics.min.js`, { body: readFileSync(join(umd, 'standalone.js'), 'utf8'), contentType: JS })
  for (const file of readdirSync(umd).filter((f) => f.endsWith('.js'))) {
    server.serve(`/analytics-next/bundles/${file}`, { body: readFileSync(join(umd, file), 'utf8'), contentType: JS })
  }
}

/** The page: the plugin's bundle (for `window.ConsentGuard`), the test's setup, then the snippet. */
export function snippetPage(server: TestServer, options: AnalyticsPageOptions): string {
  const writeKey = options.writeKey ?? 'test-write-key'
  serveStandalone(server, writeKey)
  server.setCdnSettings(options.cdnSettings ?? {}, writeKey)
  const loadOptions = {
    disableClientPersistence: true,
    ...options.loadOptions,
    integrations: {
      ...((options.loadOptions?.integrations as Record<string, unknown> | undefined) ?? {}),
      'Segment.io': { apiHost: `${new URL(options.serverUrl).host}/v1`, protocol: 'http' },
    },
  }
  // Segment's snippet (5.x), unminified, with the script host and `_cdn` of a site that proxies the CDN.
  const snippet = `
(function () {
  var CDN = ${scriptLiteral(options.serverUrl)}, WRITE_KEY = ${scriptLiteral(writeKey)};
  var analytics = window.analytics = window.analytics || [];
  analytics.invoked = true;
  analytics.methods = ['trackSubmit', 'trackClick', 'trackLink', 'trackForm', 'pageview', 'identify', 'reset', 'group',
    'track', 'ready', 'alias', 'debug', 'page', 'screen', 'once', 'off', 'on', 'addSourceMiddleware',
    'addIntegrationMiddleware', 'setAnonymousId', 'addDestinationMiddleware', 'register'];
  analytics.factory = function (method) {
    return function () {
      if (window.analytics.initialized) return window.analytics[method].apply(window.analytics, arguments);
      var args = Array.prototype.slice.call(arguments);
      args.unshift(method);
      analytics.push(args);
      return analytics;
    };
  };
  analytics.methods.forEach(function (m) { analytics[m] = analytics.factory(m); });
  analytics.load = function (key, options) {
    var script = document.createElement('script');
    script.async = true;
    script.setAttribute('data-global-segment-analytics-key', 'analytics');
    script.src = CDN + '/analytics.js/v1/' + key + '/analytics.min.js';
    document.head.appendChild(script);
    analytics._loadOptions = options;
  };
  analytics._writeKey = WRITE_KEY;
  analytics._cdn = CDN;
  analytics.SNIPPET_VERSION = '5.2.0';
  (window.testPlugins || []).forEach(function (p) { analytics.register(p); });
  var options = ${scriptLiteral(loadOptions)};
  analytics.load(WRITE_KEY, typeof window.testLoadOptions === 'function' ? window.testLoadOptions(options) : options);
  // Ready once analytics-next has loaded and the guard (registered from the buffer) has too.
  window.analyticsReady = new Promise(function (resolve) { analytics.ready(function () { resolve(true); }); }).then(function () {
    return new Promise(function (resolve) {
      (function check() { window.guard && window.guard.isLoaded() ? resolve(true) : setTimeout(check, 20); })();
    });
  });
})();`
  return htmlPage({
    title: options.title ?? 'analytics-next snippet test page',
    scripts: [ANALYTICS_PAGE_SCRIPT],
    inlineScripts: [...(options.setup ? [options.setup] : []), snippet],
    body: options.body,
  })
}
