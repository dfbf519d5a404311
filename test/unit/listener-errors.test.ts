import { describe, expect, it } from 'vitest'
import { listenerErrors } from './support/listener-errors'

describe(listenerErrors, () => {
  it('sees an error thrown back by dispatchEvent and one reported as a window error event', () => {
    const boom = new Error('boom')
    expect(listenerErrors(() => {
      throw boom
    })).toEqual([boom])
    expect(listenerErrors(() => window.dispatchEvent(new ErrorEvent('error', { error: boom, message: 'boom' })))).toEqual([boom])
    expect(listenerErrors(() => window.dispatchEvent(new Event('quiet')))).toEqual([])
  })
})
