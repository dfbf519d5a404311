/** The config injected into every shop page is data: nothing in it can end the script element. */
import { describe, expect, it } from 'vitest'
import { configScript, injectConfig } from './config-injection'

const config = { writeKey: 'k', cdnUrl: 'http://127.0.0.1:1', destinationHosts: { '</script><b>x': ['\u2028'] } }

describe(injectConfig, () => {
  it('puts the config before </head> as an inline script that round-trips', () => {
    const html = injectConfig('<html><head><title>t</title></head><body></body></html>', config)
    const script = configScript(config)
    expect(html).toBe(`<html><head><title>t</title>${script}\n</head><body></body></html>`)
    expect(script.match(/<\/script>/g)).toHaveLength(1) // only its own end tag
    const json = script.slice(script.indexOf('= ') + 2, script.lastIndexOf(';</script>'))
    expect(JSON.parse(json)).toEqual(config)
  })

  it('refuses a page without </head>', () => {
    expect(() => injectConfig('<p>no head</p>', config)).toThrow(/<\/head>/)
  })
})
