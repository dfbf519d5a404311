/**
 * Generates the JavaScript of fake destinations, shaped exactly as
 * analytics-next 1.84.3 loads them:
 * - classic (plugins/ajs-destination/loader.ts): the bundle defines
 *   `window[<slug>Deps]` (extra scripts to load; none here) and
 *   `window[<slug>Loader]`; calling the loader sets `window[<slug>Integration]`,
 *   an analytics.js-integration style constructor. LegacyDestination then
 *   does `new Integration(settings)`, listens for `initialize` and `ready`,
 *   calls `initialize()` and later `invoke(type, facade)` per event.
 * - action (plugins/remote-loader/index.ts): the bundle sets
 *   `window[libraryName] = (settings) => plugin`, a plugin with name, type,
 *   version, load and isLoaded (validated by analytics-next) plus event methods.
 *
 * Every fake destination leaves evidence that its code ran, which is what a
 * consent test has to rule out: it sets the cookie `<key>_loaded=1` as soon
 * as its script evaluates, calls `/vendor/<key>/initialize` when it is
 * initialised, and `/vendor/<key>/<type>` for every event it receives.
 */
import type { BundleFault } from './bundle-routes'

/** What a generated bundle needs to know. */
export interface BundleSpec {
  /** Origin of the test server the vendor calls go to, e.g. `http://127.0.0.1:4567`. */
  serverUrl: string
  /** The destination key (cookie and vendor path), see `destinationKey`. */
  key: string
  fault?: BundleFault
}

/** JSON is valid JS; escaping `<` keeps a `</script>` in a value harmless. */
function literal(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

/**
 * The part both kinds share: the cookie, the optional throw, and `vendor()`.
 * The vendor call is a simple request (text/plain POST) so it never needs a
 * CORS preflight, and its failure is swallowed as a real SDK would.
 */
function prelude({ serverUrl, key, fault }: BundleSpec, kind: 'classic' | 'action'): string {
  return `
  var SERVER = ${literal(serverUrl)}, KEY = ${literal(key)}, KIND = ${literal(kind)};
  document.cookie = KEY + '_loaded=1; path=/';
  ${fault === 'throws-on-eval' ? `throw new Error('fake destination ' + KEY + ' throws on evaluation');` : ''}
  function vendor(type, event) {
    var body = JSON.stringify({ destination: KEY, kind: KIND, type: type, event: event });
    fetch(SERVER + '/vendor/' + KEY + '/' + type, {
      method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: body, keepalive: true
    }).catch(function () {});
  }`
}

/** A classic (analytics.js-integration style) destination bundle for `window[<slug>...]`. */
export function classicBundle(spec: BundleSpec & { slug: string }): string {
  const neverLoads = spec.fault === 'never-loads'
  return `/* fake classic destination ${spec.key} */
(function () {${prelude(spec, 'classic')}
  var SLUG = ${literal(spec.slug)};
  window[SLUG + 'Deps'] = [];
  window[SLUG + 'Loader'] = function () {
    function Integration(settings) {
      this.settings = settings || {};
      this.handlers = {};
    }
    Integration.prototype.name = SLUG;
    Integration.prototype.on = function (name, fn) {
      (this.handlers[name] = this.handlers[name] || []).push({ fn: fn, once: false });
      return this;
    };
    Integration.prototype.once = function (name, fn) {
      (this.handlers[name] = this.handlers[name] || []).push({ fn: fn, once: true });
      return this;
    };
    Integration.prototype.emit = function (name) {
      var list = this.handlers[name] || [];
      this.handlers[name] = list.filter(function (h) { return !h.once; });
      list.forEach(function (h) { h.fn(); });
    };
    Integration.prototype.initialize = function () {
      ${neverLoads ? '/* never-loads: neither initialize nor ready is ever emitted */ return;' : ''}
      var self = this;
      vendor('initialize', null);
      self.emit('initialize');
      // Real integrations become ready after their vendor script loads: a later task.
      setTimeout(function () { self.emit('ready'); }, 0);
    };
    Integration.prototype.invoke = function (type, facade) {
      vendor(type, facade && typeof facade.json === 'function' ? facade.json() : null);
    };
    window[SLUG + 'Integration'] = Integration;
  };
})();
`
}

/** An action destination bundle assigning a plugin factory to `window[libraryName]`. */
export function actionBundle(spec: BundleSpec & { name: string; libraryName: string }): string {
  const neverLoads = spec.fault === 'never-loads'
  return `/* fake action destination ${spec.key} */
(function () {${prelude(spec, 'action')}
  window[${literal(spec.libraryName)}] = function (settings) {
    var loaded = false;
    function method(type) {
      return function (ctx) { vendor(type, ctx.event); return ctx; };
    }
    return {
      name: ${literal(spec.name)},
      type: 'destination',
      version: '1.0.0',
      settings: settings,
      isLoaded: function () { return loaded; },
      load: function () {
        vendor('initialize', null);
        ${neverLoads ? 'return new Promise(function () {});' : 'loaded = true; return Promise.resolve();'}
      },
      track: method('track'),
      page: method('page'),
      identify: method('identify'),
      group: method('group'),
      alias: method('alias'),
      screen: method('screen')
    };
  };
})();
`
}
