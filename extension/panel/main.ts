document.getElementById('app')!.textContent = 'Consent Guard'
