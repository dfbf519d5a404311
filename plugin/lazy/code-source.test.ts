import { afterEach, describe, expect, it } from 'vitest'
import { codeSource } from './code-source'

/** A script as analytics-next's loadScript leaves it once loaded. */
function loadedScript(src: string, status = 'loaded') {
  const script = document.createElement('script')
  script.setAttribute('src', src)
  script.setAttribute('status', status)
  script.type = 'text/plain' // never run in the test
  document.head.appendChild(script)
}

afterEach(() => document.head.replaceChildren())

describe(codeSource, () => {
  const bundle = 'https://cdn.segment.com/next-integrations/actions/fake-action/7f3c.js'

  it('names the plugin factory when the destination was built from one', () => {
    loadedScript('https://proxy.example/next-integrations/actions/fake-action/7f3c.js')
    expect(codeSource('Fake Action', bundle, true)).toBe('plugin factory')
  })

  it('finds the loaded script of an action bundle on the CDN analytics-next used, plain or btoa\'d', () => {
    loadedScript('https://proxy.example/next-integrations/actions/other/7f3c.js')
    loadedScript(`https://proxy.example/next-integrations/actions/${btoa('fake-action').replace(/=/g, '')}/7f3c.js`)
    expect(codeSource('Fake Action', bundle, false)).toBe(`https://proxy.example/next-integrations/actions/${btoa('fake-action').replace(/=/g, '')}/7f3c.js`)
  })

  it('finds a classic bundle by its slug, and ignores scripts that did not load', () => {
    loadedScript('https://proxy.example/next-integrations/integrations/fake-classic/2.11.5/fake-classic.dynamic.js.gz', 'error')
    expect(codeSource('Fake Classic', undefined, false)).toBeUndefined()
    loadedScript('https://proxy.example/next-integrations/integrations/fake-classic/2.11.5/fake-classic.dynamic.js.gz')
    expect(codeSource('Fake Classic', undefined, false)).toBe('https://proxy.example/next-integrations/integrations/fake-classic/2.11.5/fake-classic.dynamic.js.gz')
  })
})
