/**
 * Test pages for lazy device-mode destinations: real analytics-next with
 * Consent Guard registered through `guard.loadOptions()`, driven by a
 * consent source the test controls from Node (`page.evaluate`), like a
 * CMP whose user clicks. Every diagnostic the guard records is collected in
 * `window.diagnostics`, and the page keeps a random `window.pageMarker` so a
 * test can prove no reload happened.
 */
import type { BrowserContext, Request } from 'playwright-core'
import { expect } from 'vitest'
import type { Diagnostic } from '../../../shared/protocol/protocol'
import type { ConsentState } from '../../../shared/routing/types'
import { buildCdnSettings, destinationKey, type FakeDestination, type RoutingRule } from '../../fixtures/cdn-settings'
import { analyticsPage, scriptLiteral } from '../../servers/html-page'
import { snippetPage } from './snippet-page'
import type { TestServer } from '../../servers/test-server'
import { AnalyticsTestPage, POLL_TIMEOUT_MS } from './analytics-test-page'

const POLL = { timeout: POLL_TIMEOUT_MS, interval: 100 }

/** A destination plugin the page registers itself (not from the CDN settings). */
export interface LocalDestination {
  name: string
  /** Wrap it in `guard.defer(plugin, categories)`; otherwise it is registered as is. */
  defer: boolean
  categories?: string[]
}

/**
 * An action destination's plugin factory the page bundles itself and passes
 * in `plugins` (analytics-next's plugin sources): `pluginName` is the
 * remote plugin's `name`; it reports as vendor `key` and sets `<key>_loaded`
 * when its plugin loads.
 */
export interface LocalFactory {
  pluginName: string
  key: string
}

export interface LazyPageOptions {
  server: TestServer
  destinations: FakeDestination[]
  /** The consent the source reports at load. */
  initial: ConsentState
  /** `consentGuard()` options besides `cmp` (JSON only). */
  guard?: Record<string, unknown>
  local?: LocalDestination[]
  /** Passed in `plugins` through `guard.plugins(...)`. */
  factories?: LocalFactory[]
  /** The site's own load options (JSON only), e.g. `obfuscate`, `integrations` switches. */
  loadOptions?: Record<string, unknown>
  /** Destination Filters in the CDN settings. */
  routingRules?: RoutingRule[]
  /**
   * Load analytics-next the way the snippet does: its standalone build served
   * as `<origin>/analytics.js/v1/<writeKey>/analytics.min.js`, the stub's `_cdn`
   * the test server and the settings fetched from it (no `cdnURL`).
   */
  snippet?: boolean
}

/** A decided state, explicit (the user clicked) unless told otherwise. */
export function decided(categories: Record<string, boolean>, explicit = true): ConsentState {
  return { status: 'decided', categories, explicit, source: 'test-cmp' }
}

/** The CMP has not decided yet. */
export function pending(): ConsentState {
  return { status: 'pending', categories: {}, source: 'test-cmp' }
}

/**
 * The page's setup script: the controllable consent source, the guard, the
 * diagnostics log and local destination plugins. Local destinations report
 * to the same vendor endpoint as the server's fake bundles
 * (`/vendor/<key>/<type>`) and set `<key>_loaded` when their `load` runs.
 */
function setupScript(options: LazyPageOptions): string {
  const locals = (options.local ?? []).map((l) => ({ ...l, key: destinationKey(l.name) }))
  return `
(function () {
  var SERVER = ${scriptLiteral(options.server.url)};
  window.pageMarker = Math.random().toString(36).slice(2);
  var state = ${scriptLiteral(options.initial)};
  var listeners = [];
  window.testCmp = {
    set: function (next) {
      state = next;
      listeners.slice().forEach(function (listener) { listener(next); });
    }
  };
  var cmp = ConsentGuard.custom({
    name: 'test-cmp',
    read: function () { return state; },
    subscribe: function (onChange) {
      listeners.push(onChange);
      return function () { listeners = listeners.filter(function (l) { return l !== onChange; }); };
    }
  });
  var guard = ConsentGuard.consentGuard(Object.assign({ cmp: cmp }, ${scriptLiteral(options.guard ?? {})}));
  window.guard = guard;
  window.diagnostics = [];
  guard.onDiagnostic(function (d) { window.diagnostics.push(JSON.parse(JSON.stringify(d))); });

  function localDestination(name, key) {
    function vendor(type, event) {
      fetch(SERVER + '/vendor/' + key + '/' + type, {
        method: 'POST', headers: { 'Content-Type': 'text/plain' }, keepalive: true,
        body: JSON.stringify({ destination: key, kind: 'local', type: type, event: event })
      }).catch(function () {});
    }
    var loaded = false;
    return {
      name: name, type: 'destination', version: '1.0.0',
      isLoaded: function () { return loaded; },
      load: function () {
        document.cookie = key + '_loaded=1; path=/';
        vendor('initialize', null);
        loaded = true;
        return Promise.resolve();
      },
      track: function (ctx) { vendor('track', ctx.event); return ctx; },
      page: function (ctx) { vendor('page', ctx.event); return ctx; }
    };
  }
  function localFactory(pluginName, key) {
    function factory(settings) {
      var plugin = localDestination(pluginName, key);
      plugin.settings = settings;
      return plugin;
    }
    factory.pluginName = pluginName;
    return factory;
  }
  var plugins = [guard];
  ${scriptLiteral(locals)}.forEach(function (l) {
    var plugin = localDestination(l.name, l.key);
    plugins.push(l.defer ? guard.defer(plugin, l.categories) : plugin);
  });
  ${scriptLiteral(options.factories ?? [])}.forEach(function (f) { plugins.push(localFactory(f.pluginName, f.key)); });
  window.testPlugins = guard.plugins(plugins);
  window.testLoadOptions = function (options) { return guard.loadOptions(options); };
  // Destination middleware that marks the event it hands the destination with property \`mark\`.
  window.testAddMiddleware = function (destination, mark) {
    return window.analytics.addDestinationMiddleware(destination, function (m) {
      m.payload.obj.properties = Object.assign({}, m.payload.obj.properties);
      m.payload.obj.properties[mark] = true;
      m.next(m.payload);
    });
  };
})();`
}

/** One request as the page issued it. */
export interface IssuedRequest {
  url: string
  method: string
  /** The messageId of the event a JSON POST body carries (Segment event or vendor call), if any. */
  messageId?: string
}

function issued(request: Request): IssuedRequest {
  const entry: IssuedRequest = { url: request.url(), method: request.method() }
  if (entry.method !== 'POST') return entry
  try {
    const body = JSON.parse(request.postData() ?? '') as { messageId?: string; event?: { messageId?: string } | null }
    const messageId = body.messageId ?? body.event?.messageId
    if (messageId) entry.messageId = messageId
  } catch {
    // not JSON: not an event
  }
  return entry
}

/** A page object for one lazy-destinations page (wraps AnalyticsTestPage). */
export class LazyPage {
  /**
   * Every request of the page, in the order Chromium issued them (arrival
   * order at the server may differ: parallel connections).
   */
  readonly requests: IssuedRequest[] = []

  private constructor(readonly test: AnalyticsTestPage) {}

  /**
   * Opens the page in `context` and waits for analytics-next. Requests are
   * recorded from the context (before the page exists) so none is missed.
   */
  static async open(context: BrowserContext, options: LazyPageOptions): Promise<LazyPage> {
    const cdnSettings = buildCdnSettings({ apiHost: options.server.url, destinations: options.destinations, routingRules: options.routingRules })
    const page = { serverUrl: options.server.url, cdnSettings, setup: setupScript(options), loadOptions: options.loadOptions }
    const html = options.snippet ? snippetPage(options.server, page) : analyticsPage(page)
    const requests: IssuedRequest[] = []
    const onRequest = (request: Request) => requests.push(issued(request))
    context.on('request', onRequest)
    try {
      const test = await AnalyticsTestPage.open(context, options.server, html)
      const page = new LazyPage(test)
      // From here on the page's own events; one test page per test, so the context's were this page's.
      page.requests.push(...requests.splice(0))
      test.page.on('request', (request) => page.requests.push(issued(request)))
      return page
    } finally {
      context.off('request', onRequest)
    }
  }

  get server(): TestServer {
    return this.test.server
  }

  /** The consent source reports a new state (as a CMP callback would). */
  async setConsent(state: ConsentState): Promise<void> {
    await this.test.page.evaluate((next) => (window as unknown as { testCmp: { set(s: unknown): void } }).testCmp.set(next), state)
  }

  /** Every diagnostic recorded so far (optionally of one kind). */
  async diagnostics<K extends Diagnostic['kind']>(kind?: K): Promise<Array<Extract<Diagnostic, { kind: K }>>> {
    const all = await this.test.page.evaluate(() => (window as unknown as { diagnostics: Diagnostic[] }).diagnostics)
    return all.filter((d) => kind === undefined || d.kind === kind) as Array<Extract<Diagnostic, { kind: K }>>
  }

  /** `[action, destination]` of every `destination` diagnostic, in order. */
  async destinationActions(): Promise<Array<[string, string]>> {
    return (await this.diagnostics('destination')).map((d) => [d.action, d.destination])
  }

  /** Polls until a `destination` diagnostic with `action` names `destination`; returns it. */
  async expectDestinationDiagnostic(action: string, destination: string): Promise<Extract<Diagnostic, { kind: 'destination' }>> {
    const find = async () => (await this.diagnostics('destination')).find((d) => d.action === action && d.destination === destination)
    await expect
      .poll(async () => (await find()) !== undefined, { ...POLL, message: `no destination diagnostic ${action} ${destination}` })
      .toBe(true)
    return (await find())!
  }

  /** The random marker set when the page loaded; unchanged means no reload. */
  marker(): Promise<string> {
    return this.test.page.evaluate(() => (window as unknown as { pageMarker: string }).pageMarker)
  }

  /** URLs of the requests the page issued whose URL contains `part`. */
  requestsTo(part: string): string[] {
    return this.requests.map((r) => r.url).filter((url) => url.includes(part))
  }

  /** Event names of the `type` calls destination `key` made to its vendor, in arrival order. */
  vendorEvents(key: string, type = 'track'): string[] {
    return this.server
      .vendorCalls(key)
      .filter((c) => c.type === type)
      .map((c) => String(c.event?.event))
  }

  /** messageIds of the events destination `key` sent its vendor (`type` calls), in the order the page issued them. */
  vendorOrder(key: string, type = 'track'): string[] {
    return this.issuedIds((path) => path === `/vendor/${key}/${type}`)
  }

  /** messageIds of the track events posted to the Segment sink, in the order the page issued them. */
  sinkOrder(): string[] {
    return this.issuedIds((path) => path === '/v1/t')
  }

  private issuedIds(matchPath: (path: string) => boolean): string[] {
    return this.requests.filter((r) => r.messageId && matchPath(new URL(r.url).pathname)).map((r) => r.messageId!)
  }
}
