/**
 * The four consent libraries whose real code is public, as test pages use
 * them: where the library's files are served from, the page code that
 * configures and starts it, and the page helpers `window.realCmp.choose(ads)`
 * (the visitor saves a choice: analytics on, ads as given) and
 * `window.realCmp.reopen()` (the visitor opens the choices screen again),
 * each written against the library's own public API:
 * - Klaro: its dist bundle with a `klaroConfig`, `klaro.getManager()`
 *   (`updateConsent`, `saveAndApplyConsents`, what its buttons call), `klaro.show()`;
 * - cookieconsent v3: its UMD bundle, `CookieConsent.run()`, `acceptCategory()`, `showPreferences()`;
 * - IAB TCF: @iabtechlabtcf/cmpapi `CmpApi` + `update(tcString, uiVisible)`, TC
 *   strings encoded by @iabtechlabtcf/core with a minimal GVL built here
 *   (nothing is fetched); the IAB's stub pattern from the CMP API spec;
 * - IAB GPP: @iabgpp/cmpapi `CmpApi`, `setSignalStatus`, `setFieldValue`,
 *   `fireSectionChange`, in GPP 1.1's order (not ready, change, sectionChange, ready);
 *   the stub pattern from the GPP CMP API spec.
 * A real CMP stores the choice itself (Klaro and cookieconsent in their own
 * cookies); for the IAB APIs, which only expose a string, the page helper
 * keeps it in a cookie as a CMP would, so a returning visitor is a reload.
 */

/** URL prefixes the test server mounts for the libraries (see `libraryMounts`). */
export const KLARO_PATH = '/libraries/klaro/'
export const COOKIECONSENT_PATH = '/libraries/cookieconsent/'
export const IAB_PATH = '/libraries/iab/'

/** URL prefix -> directory, for `startTestServer({ staticDirs })`. */
export function libraryMounts(iabDir: string): Record<string, string> {
  const modules = (path: string) => new URL(`../../../node_modules/${path}`, import.meta.url).pathname
  return {
    [KLARO_PATH]: modules('klaro/dist'),
    [COOKIECONSENT_PATH]: modules('vanilla-cookieconsent/dist'),
    [IAB_PATH]: iabDir,
  }
}

export interface RealLibrary {
  name: string
  /** The library's own scripts, in order. */
  scripts: string[]
  /** Page JS that runs before the library's scripts: its configuration, the IAB stub, `window.realCmp`. */
  prelude: string
  /** The adapter, as page JS. */
  adapter: string
  /**
   * Page JS expression, true once the adapter follows the library, for a
   * library with no ready signal that the adapter finds by a short poll
   * (Klaro): a person reads the notice before choosing, a test must wait.
   */
  followed?: string
  /** The exact `categoryPreferences` stamped after a choice (the CDN lists the same categories). */
  stamp(ads: boolean): Record<string, boolean>
}

/** Page helpers shared by the IAB cases: a first-party cookie holding the CMP's string. */
const STORED_STRING = `
function storedString(name) {
  var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
  return match ? decodeURIComponent(match[1]) : '';
}
function storeString(name, value) { document.cookie = name + '=' + encodeURIComponent(value) + '; path=/'; }`

const klaro: RealLibrary = {
  name: 'Klaro',
  scripts: [`${KLARO_PATH}klaro.js`],
  prelude: `
window.klaroConfig = {
  version: 1,
  elementID: 'klaro',
  storageMethod: 'cookie',
  storageName: 'klaro',
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  services: [
    { name: 'analytics', title: 'Analytics', purposes: ['analytics'] },
    { name: 'ads', title: 'Ads', purposes: ['marketing'] }
  ]
};
window.realCmp = {
  start: function () {},
  choose: function (ads) {
    var manager = klaro.getManager();
    manager.updateConsent('analytics', true);
    manager.updateConsent('ads', ads);
    manager.saveAndApplyConsents('save');
  },
  reopen: function () {
    klaro.show();
    // A toggle flipped in the open modal is not saved yet: it must not apply.
    var manager = klaro.getManager();
    manager.updateConsent('ads', !manager.savedConsents.ads);
  }
};`,
  adapter: 'ConsentGuard.klaro()',
  // Klaro's own watchers are its UI components (they have props); the adapter's is a plain object.
  followed: 'Array.from(klaro.getManager().watchers).some(function (watcher) { return !watcher.props; })',
  stamp: (ads) => ({ analytics: true, ads }),
}

const cookieConsent: RealLibrary = {
  name: 'cookieconsent v3',
  scripts: [`${COOKIECONSENT_PATH}cookieconsent.umd.js`],
  prelude: `
window.realCmp = {
  start: function () {
    // cookieconsent appends its modals to <body>: run it once the body exists, as sites do (module script).
    function run() {
      CookieConsent.run({
        cookie: { name: 'cc_cookie' },
        // Its default hides everything from browsers that say they are automated (navigator.webdriver).
        hideFromBots: false,
        categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, ads: {} },
        language: {
          default: 'en',
          translations: {
            en: {
              consentModal: { title: 'Cookies', description: 'We use cookies.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Manage' },
              preferencesModal: {
                title: 'Preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save',
                sections: [{ title: 'Analytics', linkedCategory: 'analytics' }, { title: 'Ads', linkedCategory: 'ads' }]
              }
            }
          }
        }
      });
    }
    if (document.body) run(); else document.addEventListener('DOMContentLoaded', run);
  },
  choose: function (ads) {
    CookieConsent.acceptCategory(ads ? ['analytics', 'ads'] : ['analytics']);
    CookieConsent.hide();
    CookieConsent.hidePreferences();
  },
  reopen: function () { CookieConsent.showPreferences(); }
};`,
  adapter: 'ConsentGuard.cookieConsent()',
  stamp: (ads) => ({ necessary: true, analytics: true, ads }),
}

const tcf: RealLibrary = {
  name: 'IAB TCF (@iabtechlabtcf/cmpapi)',
  scripts: [`${IAB_PATH}tcf-reference.js`],
  prelude: `
(function () {
  // The stub from the IAB TCF CMP API spec: answers ping, queues the rest for the CMP.
  var queue = [];
  window.__tcfapi = function () {
    if (!arguments.length) return queue;
    if (arguments[0] === 'ping') arguments[2]({ gdprApplies: true, cmpLoaded: false, cmpStatus: 'stub', apiVersion: '2.2' }, true);
    else queue.push([].slice.apply(arguments));
  };
})();
${STORED_STRING}
window.realCmp = {
  start: function () {
    var T = TcfReference;
    var purposes = {};
    for (var id = 1; id <= 11; id++) purposes[id] = { id: id, name: 'Purpose ' + id, description: '', illustrations: [] };
    // A minimal Global Vendor List built here: TC strings need one to encode, and nothing may be fetched.
    realCmp.gvl = new T.GVL({
      gvlSpecificationVersion: 3, vendorListVersion: 1, tcfPolicyVersion: 5, lastUpdated: '2025-01-01T00:00:00Z',
      purposes: purposes, specialPurposes: {}, features: {}, specialFeatures: {}, vendors: {}, stacks: {}, dataCategories: {}
    });
    realCmp.api = new T.CmpApi(300, 1, true);
    var stored = storedString('test_tc');
    // A stored TC string loads as 'tcloaded'; a new visitor sees the UI ('cmpuishown', no string yet).
    if (stored) { realCmp.tcString = stored; realCmp.api.update(stored, false); }
    else realCmp.api.update('', true);
  },
  choose: function (ads) {
    var T = TcfReference;
    var model = new T.TCModel(realCmp.gvl);
    model.cmpId = 300;
    model.cmpVersion = 1;
    model.purposeConsents.set(ads ? [1, 2, 3, 4, 7, 8, 9, 10] : [1, 7, 8, 9, 10]);
    realCmp.tcString = T.TCString.encode(model);
    storeString('test_tc', realCmp.tcString);
    realCmp.api.update(realCmp.tcString, false);
  },
  reopen: function () { realCmp.api.update(realCmp.tcString || '', true); }
};`,
  adapter: 'ConsentGuard.tcf({ purposes: { analytics: [1, 7, 8, 9, 10], ads: [1, 2, 3, 4] } })',
  stamp: (ads) => ({ analytics: true, ads }),
}

const gpp: RealLibrary = {
  name: 'IAB GPP (@iabgpp/cmpapi)',
  scripts: [`${IAB_PATH}gpp-reference.js`],
  prelude: `
(function () {
  // The stub from the IAB GPP CMP API spec: ping and listeners answered here, other commands queued.
  var stubPing = function () {
    return { gppVersion: '1.1', cmpStatus: 'stub', cmpDisplayStatus: 'hidden', signalStatus: 'not ready', supportedAPIs: ['7:usnat'], cmpId: 300, sectionList: [], applicableSections: [-1], gppString: '', parsedSections: {} };
  };
  window.__gpp = function () {
    var args = arguments, gpp = window.__gpp;
    gpp.queue = gpp.queue || [];
    gpp.events = gpp.events || [];
    if (!args.length || (args.length === 1 && args[0] === 'queue')) return gpp.queue;
    if (args.length === 1 && args[0] === 'events') return gpp.events;
    var command = args[0], callback = args.length > 1 ? args[1] : null, parameter = args.length > 2 ? args[2] : null;
    if (command === 'ping') { var data = stubPing(); if (callback) callback(data, true); return data; }
    if (command === 'addEventListener') {
      gpp.lastId = (gpp.lastId || 0) + 1;
      gpp.events.push({ id: gpp.lastId, callback: callback, parameter: parameter });
      callback({ eventName: 'listenerRegistered', listenerId: gpp.lastId, data: true, pingData: stubPing() }, true);
    } else if (command === 'removeEventListener') {
      var removed = false;
      for (var i = 0; i < gpp.events.length; i++) if (gpp.events[i].id === parameter) { gpp.events.splice(i, 1); removed = true; break; }
      if (callback) callback({ eventName: 'listenerRemoved', listenerId: parameter, data: removed, pingData: stubPing() }, true);
    } else gpp.queue.push([].slice.apply(args));
  };
})();
${STORED_STRING}
window.realCmp = {
  start: function () {
    var G = GppReference;
    var api = realCmp.api = new G.CmpApi(300, 1);
    api.setSupportedAPIs(['7:usnat']);
    api.setCmpStatus(G.CmpStatus.LOADED);
    var stored = storedString('test_gpp');
    if (stored) {
      api.setGppString(stored);
      api.setApplicableSections([7]);
      api.setSignalStatus(G.SignalStatus.READY);
    } else {
      // A new visitor: the notice shows and the string is not ready until the first choice.
      api.setCmpDisplayStatus(G.CmpDisplayStatus.VISIBLE);
    }
  },
  choose: function (ads) {
    var G = GppReference, api = realCmp.api;
    // GPP 1.1: 'not ready' before changing anything, sectionChange, then 'ready'.
    if (api.getSignalStatus() !== G.SignalStatus.NOT_READY) api.setSignalStatus(G.SignalStatus.NOT_READY);
    var value = ads ? 2 : 1;
    ['SharingNotice', 'SaleOptOutNotice', 'SharingOptOutNotice', 'TargetedAdvertisingOptOutNotice'].forEach(function (f) { api.setFieldValue('usnat', f, 1); });
    ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut'].forEach(function (f) { api.setFieldValue('usnat', f, value); });
    api.setApplicableSections([7]);
    storeString('test_gpp', api.getGppString());
    api.fireSectionChange('usnat');
    api.setCmpDisplayStatus(G.CmpDisplayStatus.HIDDEN);
    api.setSignalStatus(G.SignalStatus.READY);
  },
  // A CMP that shows a new visitor no notice: ready at once, no section, nothing opted out.
  readyWithoutNotice: function () {
    var G = GppReference;
    realCmp.api.setCmpDisplayStatus(G.CmpDisplayStatus.HIDDEN);
    realCmp.api.setSignalStatus(G.SignalStatus.READY);
  },
  reopen: function () {
    var G = GppReference;
    realCmp.api.setSignalStatus(G.SignalStatus.NOT_READY);
    realCmp.api.setCmpDisplayStatus(G.CmpDisplayStatus.VISIBLE);
  }
};`,
  adapter: "ConsentGuard.gpp({ sections: { usnat: { ads: ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut'] } } })",
  stamp: (ads) => ({ ads }),
}

export const REAL_LIBRARY = { klaro, cookieConsent, tcf, gpp }
export const REAL_LIBRARIES: RealLibrary[] = Object.values(REAL_LIBRARY)
