import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { createMessage } from '../../shared/protocol/protocol'
import { isEnvelope } from '../../shared/protocol/parse-message'
import { acceptChecked } from './relay-checks'
import { inOwnRealm } from './page-realm'

const hold = createMessage('sid-1', 1, 'hold', { action: 'held', held: 1 })
/** The message as Firefox shows a page's object to a content script: built in another realm. */
const fromPageRealm = () => runInNewContext(`(${JSON.stringify(hold)})`) as Record<string, unknown>

describe(inOwnRealm, () => {
  it('copies data from another realm into ours, where the plain-object checks accept it', () => {
    const foreign = fromPageRealm()
    expect(Object.getPrototypeOf(foreign)).not.toBe(Object.prototype)
    expect(isEnvelope(foreign)).toBe(false)
    const own = inOwnRealm(foreign)
    expect(Object.getPrototypeOf(own)).toBe(Object.prototype)
    expect(own).toEqual(hold)
    expect(isEnvelope(own)).toBe(true)
  })

  it('returns data already ours as is (no copy), and primitives unchanged', () => {
    expect(inOwnRealm(hold)).toBe(hold)
    const list = [hold]
    expect(inOwnRealm(list)).toBe(list)
    expect(inOwnRealm('text')).toBe('text')
    expect(inOwnRealm(null)).toBe(null)
  })

  it('gives undefined for what structured clone refuses', () => {
    expect(inOwnRealm(runInNewContext('({ f: function () {} })'))).toBeUndefined()
  })

  it('lets the relay accept a valid message that reached it from the page’s realm', () => {
    const win = { top: null as unknown, location: { origin: 'https://shop.example' } }
    win.top = win
    expect(acceptChecked({ source: win, origin: 'https://shop.example', data: fromPageRealm() }, win)?.json).toBe(JSON.stringify(hold))
  })
})
