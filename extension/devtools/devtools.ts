chrome.devtools.panels.create('Consent Guard', '', 'panel/panel.html')
