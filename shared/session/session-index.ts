/**
 * One rule, used by the panel's event list, its what-if view, the network
 * check and the audit: which inspector-hook events the plugin already covers,
 * and the routing predicted for the ones it does not.
 *
 * The debugger's inspector hook reports every analytics-next instance, and
 * cannot tell which one carries the plugin. So an inspector event is covered
 * (its prediction left out, the plugin's own report speaks for it) when the
 * plugin reported an event with the same messageId, and so is every event of
 * an inspector instance once any of its events matched one: that instance is
 * the plugin's. Another instance on the same page (a second analytics without
 * the plugin) stays uncovered, and its predictions count.
 *
 * Fed in arrival order; a prediction uses the instance's latest settings
 * before the event, coverage is answered over everything fed so far.
 */
import type { Diagnostic, DiagnosticOf } from '../protocol/protocol'
import { predictRouting } from '../routing/predict-routing'
import type { RoutingDecision } from '../routing/types'

/** One inspector instance within one page load. */
export const instanceKey = (m: { sid: string; instance: string }) => `${m.sid}\u0000${m.instance}`
const eventKey = (m: { sid: string; seq: number }) => `${m.sid}\u0000${m.seq}`

export class SessionIndex {
  private pluginIds = new Set<string>()
  private linked = new Set<string>()
  private instanceOf = new Map<string, string>()
  /** messageIds that more than one inspector instance reported (rare: `instanceOf` keeps only the last). */
  private sharedIds = new Set<string>()
  private settings = new Map<string, DiagnosticOf<'inspector-settings'>>()
  private predictions = new Map<string, RoutingDecision[]>()
  private revision = 0

  /** Takes the next message of the session. */
  add(m: Diagnostic): void {
    switch (m.kind) {
      case 'inspector-settings':
        this.settings.set(instanceKey(m), m)
        break
      case 'event': {
        const fresh = !this.pluginIds.has(m.messageId)
        this.pluginIds.add(m.messageId)
        const instance = this.instanceOf.get(m.messageId)
        if (instance === undefined) break
        // Linking an instance covers all its events; a messageId that another instance reported too covers that
        // instance's event as well, though the last one recorded was linked already.
        if (!this.linked.has(instance)) this.link(instance)
        else if (fresh && this.sharedIds.has(m.messageId)) this.revision++
        break
      }
      case 'inspector-event': {
        const instance = instanceKey(m)
        const previous = this.instanceOf.get(m.messageId)
        if (previous !== undefined && previous !== instance) this.sharedIds.add(m.messageId)
        this.instanceOf.set(m.messageId, instance)
        if (this.pluginIds.has(m.messageId) && !this.linked.has(instance)) this.link(instance)
        this.predictions.set(eventKey(m), predictRouting(this.settings.get(instance), m.consent))
        break
      }
    }
  }

  private link(instance: string): void {
    this.linked.add(instance)
    this.revision++
  }

  /**
   * Changes whenever inspector events already fed may have become covered,
   * and only then (coverage only ever grows): a list of uncovered events
   * built at one revision can be extended, not rebuilt, while it holds.
   */
  get coverageRevision(): number {
    return this.revision
  }

  /** Whether the plugin speaks for the inspector event with this messageId from this instance (see `instanceKey`). */
  covers(messageId: string, instance: string): boolean {
    return this.pluginIds.has(messageId) || this.linked.has(instance)
  }

  /** `covers` for an inspector event message. */
  coversEvent(m: DiagnosticOf<'inspector-event'>): boolean {
    return this.covers(m.messageId, instanceKey(m))
  }

  /** The routing predicted for an inspector event when it arrived ([] before `add` saw it, or without settings). */
  predicted(m: DiagnosticOf<'inspector-event'>): RoutingDecision[] {
    return this.predictions.get(eventKey(m)) ?? []
  }
}

/** An index over a whole session. */
export function indexSession(messages: Iterable<Diagnostic>): SessionIndex {
  const index = new SessionIndex()
  for (const m of messages) index.add(m)
  return index
}
