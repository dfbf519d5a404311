import { afterEach, describe, expect, it } from 'vitest'
import { parseMessage } from '../../../shared/protocol/parse-message'
import { asEntries, PluginSession } from '../../test-support/diagnostics'
import { EventIndex } from '../stores/event-index'
import { SessionStore } from '../stores/session-store'
import { createDestinationsView } from './destinations-view'

function mount(messages: Parameters<typeof asEntries>[0]) {
  const session = new SessionStore()
  const view = createDestinationsView(session, new EventIndex(session))
  document.body.replaceChildren(view.element)
  session.add(asEntries(messages))
  view.render()
  return view
}

const row = (name: string) => [...document.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')?.textContent === name)
const details = (name: string) => [...(row(name)?.querySelectorAll('.loaded-on-grant li') ?? [])].map((li) => li.textContent)

afterEach(() => document.body.replaceChildren())

describe(createDestinationsView, () => {
  it('shows, for a destination loaded on grant, where its code came from and which middleware and filters apply', () => {
    const p = new PluginSession()
    const url = 'https://cdn.example.com/next-integrations/actions/facebook-pixel/abc.js'
    mount([
      p.settings(),
      p.destination('deferred', 'Facebook Pixel'),
      p.destination('lazy-loaded', 'Facebook Pixel', undefined, { loadedFrom: url, middleware: 2, filters: ['drop', 'drop_properties'] }),
      p.destination('deferred', 'Mixpanel'),
      p.destination('lazy-loaded', 'Mixpanel', undefined, { loadedFrom: 'plugin factory', middleware: 1, filters: [] }),
    ])
    expect(details('Facebook Pixel')).toEqual([`from ${url}`, '2 destination middleware', 'Destination Filters: drop, drop_properties'])
    expect(details('Mixpanel')).toEqual(['from plugin factory', '1 destination middleware', 'no Destination Filters'])
    // Loaded at start-up by analytics-next itself: nothing to add.
    expect(row('Google Analytics 4 Web')?.querySelector('.loaded-on-grant')).toBeNull()
  })

  it('renders what the page sent as text, never as markup', () => {
    const p = new PluginSession()
    const hostile = '<img src=x onerror="window.pwned=1">'
    const message = p.destination('lazy-loaded', 'Facebook Pixel', undefined, { loadedFrom: hostile, middleware: 0, filters: ['<b>drop</b>'] })
    expect(parseMessage(message)).not.toBeUndefined() // the shared validator accepts the new optional fields
    mount([p.settings(), message])
    expect(details('Facebook Pixel')).toEqual([`from ${hostile}`, '0 destination middleware', 'Destination Filters: <b>drop</b>'])
    expect(document.querySelector('tbody img, tbody b')).toBeNull()
  })
})
