/**
 * Builders for protocol messages in tests: what the plugin (or the inspector
 * hook) would post, made with the shared builder so they are valid.
 */
import { createMessage, type Diagnostic, type DiagnosticOf, type PluginMessages } from '../../shared/protocol/protocol'
import type { RoutingDecision } from '../../shared/routing/types'
import type { BufferEntry } from '../messaging/extension-messages'

export class PluginSession {
  private seq = 0
  constructor(
    readonly sid = 'plugin-sid',
    public time = 1_700_000_000_000,
  ) {}

  next<K extends keyof PluginMessages>(kind: K, body: PluginMessages[K]): DiagnosticOf<K> {
    return createMessage(this.sid, this.seq++, kind, body, (this.time += 10))
  }

  settings(): DiagnosticOf<'settings'> {
    return this.next('settings', {
      destinations: [
        { destination: 'Segment.io', mode: 'segment', categories: [] },
        { destination: 'Google Analytics 4 Web', mode: 'device', categories: ['C0002'], load: 'loaded', hosts: ['http://127.0.0.1:9/vendor/ga/'] },
        { destination: 'Facebook Pixel', mode: 'device', categories: ['C0004'], load: 'lazy' },
        { destination: 'Mixpanel', mode: 'cloud', categories: ['C0002', 'C0009'] },
        { destination: 'Webhooks', mode: 'cloud', categories: [] },
      ],
      allCategories: ['C0002', 'C0004', 'C0009'],
      hasConsentSettings: true,
      hasUnmappedDestinations: true,
    })
  }

  consent(categories: Record<string, boolean>, previous?: Record<string, boolean>, gpc = false): DiagnosticOf<'consent'> {
    return this.next('consent', {
      cmp: 'onetrust',
      state: { status: 'decided', categories, source: 'onetrust', model: 'opt-in', explicit: true, gpc },
      ...(previous ? { previous: { status: 'decided', categories: previous, source: 'onetrust', model: 'opt-in' } } : {}),
      preferences: categories,
    })
  }

  event(name: string, consent: Record<string, boolean>, messageId = `mid-${this.sid}-${this.seq}`): DiagnosticOf<'event'> {
    const decide = (destination: string, mode: RoutingDecision['mode'], categories: string[]): RoutingDecision => {
      const missing = categories.filter((c) => consent[c] !== true)
      const allowed = missing.length === 0
      return { destination, mode, categories, allowed, reason: categories.length === 0 ? 'unmapped-allowed' : allowed ? 'consented' : 'missing-consent', missing }
    }
    const decisions = [
      decide('Segment.io', 'segment', []),
      decide('Google Analytics 4 Web', 'device', ['C0002']),
      decide('Facebook Pixel', 'device', ['C0004']),
      decide('Mixpanel', 'cloud', ['C0002', 'C0009']),
    ]
    return this.next('event', {
      messageId,
      type: 'track',
      name,
      consent,
      status: 'decided',
      decisions,
      outcomes: decisions.filter((d) => d.mode !== 'cloud').map((d) => ({ destination: d.destination, outcome: d.allowed ? 'delivered' : 'blocked', ms: 3 })),
      payload: { type: 'track', event: name, messageId, properties: { price: 3 }, context: { consent: { categoryPreferences: consent } } },
    })
  }

  destination(
    action: DiagnosticOf<'destination'>['action'],
    destination: string,
    destinations?: string[],
    details: Pick<DiagnosticOf<'destination'>, 'loadedFrom' | 'middleware' | 'filters'> = {},
  ): DiagnosticOf<'destination'> {
    return this.next('destination', { action, destination, ...(destinations ? { destinations } : {}), ...details })
  }
}

export class InspectorSession {
  private seq = 0
  constructor(
    readonly sid = 'inspector-sid',
    readonly instance = 'analytics-1',
    public time = 1_700_000_000_000,
  ) {}

  settings(): DiagnosticOf<'inspector-settings'> {
    return createMessage(this.sid, this.seq++, 'inspector-settings', {
      instance: this.instance,
      destinations: [
        { destination: 'Segment.io', mode: 'segment', categories: [] },
        { destination: 'Google Analytics 4 Web', mode: 'device', categories: ['C0002'] },
        { destination: 'Mixpanel', mode: 'cloud', categories: ['C0004'] },
      ],
      allCategories: ['C0002', 'C0004'],
      hasConsentSettings: true,
    }, (this.time += 10))
  }

  event(name: string, consent: Record<string, boolean> | null, messageId = `imid-${this.sid}-${this.seq}`): DiagnosticOf<'inspector-event'> {
    return createMessage(this.sid, this.seq++, 'inspector-event', { instance: this.instance, messageId, type: 'track', name, consent, payload: { event: name, messageId } }, (this.time += 10))
  }
}

export const asEntries = (messages: Diagnostic[], receivedAt = 1): BufferEntry[] => messages.map((message) => ({ type: 'message', message, receivedAt }))
export const navigation = (url: string, pageId: string, time = 1): BufferEntry => ({ type: 'navigation', url, pageId, time })
