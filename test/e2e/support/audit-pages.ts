/**
 * Pages for the consent audit's end-to-end tests: a shop running
 * analytics-next (with or without Consent Guard) behind a page-side OneTrust
 * fake that the real OneTrust driver can drive, optionally with a leaky
 * hard-coded pixel outside the plugin's control.
 */
import { buildCdnSettings, loadedCookieName, type FakeDestination } from '../../fixtures/cdn-settings'
import { analyticsPage, scriptLiteral } from '../../servers/html-page'
import { destinationKey } from '../../servers/bundle-routes'

/**
 * OneTrust's public API, as a plain page script (the unit-test fake in
 * test/fakes is a TS module for happy-dom): the SDK appears a moment after
 * the page starts, like otBannerSdk.js; AllowAll / RejectAll / UpdateConsent
 * record a choice, publish it (OnetrustActiveGroups, OneTrustGroupsUpdated,
 * OnConsentChanged) and keep it in localStorage for the next page, as
 * OneTrust's OptanonConsent cookie would. C0001 is always active.
 */
export function oneTrustPageFake(groups: string[]): string {
  return `(function () {
  var GROUPS = ${scriptLiteral(groups)}, KEY = 'audit-fake-onetrust';
  var stored = null;
  try { stored = JSON.parse(localStorage.getItem(KEY) || 'null'); } catch (e) {}
  var closed = !!stored, active = stored || ['C0001'], listeners = [];
  window.OneTrust = { geolocationResponse: { countryCode: 'DE' } };
  function publish(user) {
    window.OnetrustActiveGroups = ',' + active.join(',') + ',';
    window.dispatchEvent(new CustomEvent('OneTrustGroupsUpdated', { detail: active.slice() }));
    if (typeof window.OptanonWrapper === 'function') window.OptanonWrapper();
    if (user) listeners.slice().forEach(function (cb) { cb(new CustomEvent('consent.onetrust', { detail: active.slice() })); });
  }
  function save(chosen) {
    active = ['C0001'].concat(chosen.filter(function (id) { return id !== 'C0001'; }));
    closed = true;
    localStorage.setItem(KEY, JSON.stringify(active));
    publish(true);
  }
  var sdk = {
    GetDomainData: function () {
      return { ShowAlertNotice: true, ConsentModel: { Name: 'opt-in' },
        Groups: GROUPS.map(function (id) { return { CustomGroupId: id, GroupName: 'Group ' + id, Status: id === 'C0001' ? 'always active' : 'inactive', SubGroups: [] }; }) };
    },
    IsAlertBoxClosed: function () { return closed; },
    OnConsentChanged: function (cb) { listeners.push(cb); },
    AllowAll: function () { save(GROUPS); },
    RejectAll: function () { save([]); },
    UpdateConsent: function (type, value) {
      if (type !== 'Category') return;
      var next = active.slice();
      String(value).split(',').forEach(function (pair) {
        var parts = pair.trim().split(':'), id = parts[0];
        if (GROUPS.indexOf(id) === -1) return;
        next = next.filter(function (g) { return g !== id; });
        if (parts[1] === '1') next.push(id);
      });
      save(next);
    }
  };
  setTimeout(function () { window.OneTrust = window.Optanon = sdk; publish(false); }, 30);
})();`
}

export const SHOP_GROUPS = ['C0001', 'C0002', 'C0004']

/** The shop's destinations: two action destinations Consent Guard loads lazily, one cloud destination. */
export const SHOP_DESTINATIONS: FakeDestination[] = [
  { name: 'Analytics Action', kind: 'action', categories: ['C0002'] },
  { name: 'Ads Action', kind: 'action', categories: ['C0004'] },
  { name: 'Warehouse Cloud', kind: 'cloud', categories: ['C0002'] },
]

/** Where a fake destination's vendor calls go, as a `destinationHosts` prefix. */
export const vendorPrefix = (serverUrl: string, name: string) => `${serverUrl}/vendor/${destinationKey(name)}/`

export interface ShopPageOptions {
  serverUrl: string
  /** Register Consent Guard (with `oneTrust()`, `destinationHosts`, GPC denying C0004). @default true */
  plugin?: boolean
  /** A hard-coded pixel that sets a cookie and calls its vendor at once, whatever the consent. */
  leaky?: boolean
  /** Extra inline script run after analytics loads (trusted test code). */
  afterLoad?: string
}

export const LEAKY = { name: 'Leaky Pixel', key: 'leaky', cookie: 'leaky_uid' }

/** The shop page: a "Buy" button tracking `Order Completed`, and a page call at load. */
export function shopPage(options: ShopPageOptions): string {
  const { serverUrl } = options
  const cdnSettings = buildCdnSettings({ apiHost: serverUrl, destinations: SHOP_DESTINATIONS })
  const hosts = Object.fromEntries(SHOP_DESTINATIONS.filter((d) => d.kind !== 'cloud').map((d) => [d.name, [vendorPrefix(serverUrl, d.name)]]))
  const guard = `var guard = ConsentGuard.consentGuard({ cmp: ConsentGuard.oneTrust(), destinationHosts: ${scriptLiteral({ ...hosts, 'Segment.io': [`${serverUrl}/v1/`] })}, gpc: { deny: ['C0004'] } });
window.testPlugins = [guard];
window.testLoadOptions = function (o) { return guard.loadOptions(o); };`
  const leaky = `document.cookie = ${scriptLiteral(`${LEAKY.cookie}=1; path=/`)};
fetch(${scriptLiteral(`${serverUrl}/vendor/${LEAKY.key}/track`)}, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hit', keepalive: true }).catch(function () {});`
  const setup = [oneTrustPageFake(SHOP_GROUPS), options.plugin === false ? '' : guard, options.leaky ? leaky : ''].join('\n')
  const body = `<h1>Shop</h1><button id="buy" onclick="window.analytics.track('Order Completed', { total: 12 })">Buy</button>
<script>window.analytics.page();${options.afterLoad ?? ''}</script>`
  return analyticsPage({ serverUrl, cdnSettings, setup, body, loadOptions: { metrics: { sampleRate: 0 } } })
}

/** The audit config for the shop: cookies and hosts of the fake destinations, and the leaky pixel's. */
export function shopAuditConfig(serverUrl: string): Record<string, unknown> {
  const device = SHOP_DESTINATIONS.filter((d) => d.kind !== 'cloud')
  return {
    destinationCookies: { ...Object.fromEntries(device.map((d) => [d.name, [loadedCookieName(d.name)]])), [LEAKY.name]: [LEAKY.cookie] },
    // The plugin names its destinations' hosts itself; a page without it needs them here.
    destinationHosts: { ...Object.fromEntries(device.map((d) => [d.name, [vendorPrefix(serverUrl, d.name)]])), [LEAKY.name]: [`${serverUrl}/vendor/${LEAKY.key}/`] },
    destinationCategories: { [LEAKY.name]: ['C0004'] },
  }
}
