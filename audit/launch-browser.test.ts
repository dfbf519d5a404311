import { describe, expect, it } from 'vitest'
import { findChrome, findExtension } from './launch-browser'

describe(findChrome, () => {
  const exists = (paths: string[]) => (p: string) => paths.includes(p)

  it('takes --chrome, then CHROME_PATH, then the first usual path that exists', () => {
    expect(findChrome('/opt/chrome', { CHROME_PATH: '/x' }, exists(['/opt/chrome']))).toBe('/opt/chrome')
    expect(findChrome(undefined, { CHROME_PATH: '/x' }, exists(['/x']))).toBe('/x')
    expect(findChrome(undefined, {}, exists(['/usr/bin/google-chrome', '/usr/bin/chromium-browser']))).toBe('/usr/bin/chromium-browser')
  })

  it('says what is missing and how to fix it', () => {
    expect(() => findChrome(undefined, { CHROME_PATH: '/nope' }, exists([]))).toThrow(/no browser at \/nope \(CHROME_PATH\)/)
    expect(() => findChrome(undefined, {}, exists([]))).toThrow(/apt-get install chromium/)
  })
})

describe(findExtension, () => {
  it('loads a given directory only when it holds a built extension', () => {
    expect(findExtension('/ext', (p) => p === '/ext/manifest.json')).toEqual({ dir: '/ext' })
    expect(() => findExtension('/ext', () => false)).toThrow(/npm run build:extension/)
    expect(findExtension(false)).toEqual({ note: expect.stringContaining('--no-extension') })
    expect(findExtension(undefined, () => false).note).toMatch(/announces itself/)
  })
})
