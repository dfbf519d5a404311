/**
 * For each event message, the page context in force when it was recorded:
 * the latest `hello` of its plugin instance and the latest `settings` (or
 * `inspector-settings` of its analytics instance) before it. Caught up
 * lazily from the session's entries, which are only appended to or
 * replaced as a whole.
 */
import type { DiagnosticOf, PluginMessages } from '../../../shared/protocol/protocol'
import type { BufferEntry } from '../../messaging/extension-messages'
import { isCurrentVersion } from '../../../shared/protocol/protocol-version'
import { instanceKey } from '../../../shared/session/session-index'
import { messageKey } from '../stores/session-store'

/** The part of a settings message routing reads (plugin and inspector messages share it). */
export type SettingsBody = Pick<PluginMessages['settings'], 'destinations' | 'allCategories' | 'hasConsentSettings' | 'hasUnmappedDestinations'>

export interface EventContext {
  hello?: DiagnosticOf<'hello'>
  settings?: SettingsBody
}

export class EventContexts {
  private entries: BufferEntry[] | undefined
  private done = 0
  private hello = new Map<string, DiagnosticOf<'hello'>>()
  private settings = new Map<string, SettingsBody>()
  private contexts = new Map<string, EventContext>()

  constructor(private readonly source: { readonly entries: BufferEntry[] }) {}

  /** The context of the event message whose row key is `key`. */
  get(key: string): EventContext | undefined {
    this.catchUp()
    return this.contexts.get(key)
  }

  private catchUp(): void {
    const entries = this.source.entries
    if (entries !== this.entries || entries.length < this.done) {
      this.entries = entries
      this.done = 0
      this.hello.clear()
      this.settings.clear()
      this.contexts.clear()
    }
    for (; this.done < entries.length; this.done++) {
      const entry = entries[this.done]
      if (entry.type !== 'message') continue
      const m = entry.message
      // Another protocol version's greeting has none of the fields read here.
      if (!isCurrentVersion(m)) continue
      switch (m.kind) {
        case 'hello':
          this.hello.set(m.sid, m)
          break
        case 'settings':
          this.settings.set(m.sid, m)
          break
        case 'inspector-settings':
          this.settings.set(instanceKey(m), m)
          break
        case 'event':
          this.contexts.set(messageKey(m), { hello: this.hello.get(m.sid), settings: this.settings.get(m.sid) })
          break
        case 'inspector-event':
          this.contexts.set(messageKey(m), { settings: this.settings.get(instanceKey(m)) })
          break
      }
    }
  }
}
