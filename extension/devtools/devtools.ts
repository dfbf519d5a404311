// The DevTools page only adds the panel; everything else lives in the panel.
// Paths start at the extension's root: Firefox resolves a relative one against this page (devtools/), Chrome against the root.
chrome.devtools.panels.create('Consent Guard', '/icons/icon-32.png', '/panel/panel.html')
