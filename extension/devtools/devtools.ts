// The DevTools page only adds the panel; everything else lives in the panel.
chrome.devtools.panels.create('Consent Guard', '', 'panel/panel.html')
