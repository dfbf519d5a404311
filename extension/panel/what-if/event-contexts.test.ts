import { describe, expect, it } from 'vitest'
import { createMessage } from '../../../shared/protocol/protocol'
import { asEntries, InspectorSession, navigation, PluginSession } from '../../test-support/diagnostics'
import { messageKey, SessionStore } from '../stores/session-store'
import { EventContexts } from './event-contexts'

const hello = (p: PluginSession, categoryRule: string) =>
  p.next('hello', { pluginVersion: '0.0.0', analyticsVersion: '1.84.3', url: 'http://x/', options: { categoryRule } })

describe(EventContexts, () => {
  it('gives each event the hello of its instance and the settings in force before it, not later ones', () => {
    const session = new SessionStore()
    const contexts = new EventContexts(session)
    const a = new PluginSession('sid-a')
    const b = new PluginSession('sid-b')
    const helloA = hello(a, 'any')
    const settingsA = a.settings()
    const early = a.event('Early', {})
    session.add(asEntries([helloA, early, settingsA, hello(b, 'all'), b.settings()]))
    const late = a.event('Late', {})
    session.add(asEntries([late]))
    expect(contexts.get(messageKey(early))).toEqual({ hello: helloA, settings: undefined })
    expect(contexts.get(messageKey(late))).toEqual({ hello: helloA, settings: settingsA })
  })

  it('keys inspector settings by analytics instance', () => {
    const session = new SessionStore()
    const contexts = new EventContexts(session)
    const one = new InspectorSession('sid-i', 'analytics-1')
    const settings = one.settings()
    const same = one.event('Same instance', null)
    // A second analytics instance on the same page: same sid, its own instance id, the hook's next seq.
    const other = createMessage('sid-i', 99, 'inspector-event', { instance: 'analytics-2', messageId: 'other', type: 'track', consent: null })
    session.add(asEntries([settings, other, same]))
    expect(contexts.get(messageKey(other))).toEqual({ settings: undefined })
    expect(contexts.get(messageKey(same))).toEqual({ settings })
  })

  it('starts over when the session is replaced (a navigation without preserve log, an import, clear)', () => {
    const session = new SessionStore()
    const contexts = new EventContexts(session)
    const p = new PluginSession()
    const settings = p.settings()
    const before = p.event('Before', {})
    session.add([navigation('http://x/1', 'page-1'), ...asEntries([settings, before])])
    expect(contexts.get(messageKey(before))?.settings).toBe(settings)
    const q = new PluginSession('sid-2')
    const after = q.event('After', {})
    session.add([navigation('http://x/2', 'page-2'), ...asEntries([after])])
    expect(contexts.get(messageKey(before))).toBeUndefined()
    expect(contexts.get(messageKey(after))).toEqual({ hello: undefined, settings: undefined })
  })
})
