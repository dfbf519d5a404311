/**
 * The consent timeline: one entry per `consent` message, with what changed
 * against the state before it (the message's `previous`, else the last state
 * of the same plugin instance).
 */
import type { Diagnostic, DiagnosticOf } from '../../../shared/protocol/protocol'
import type { ConsentState } from '../../../shared/routing/types'

export interface CategoryChange {
  category: string
  /** undefined: not reported in that state. */
  before: boolean | undefined
  after: boolean | undefined
}

export interface ConsentChange {
  key: string
  time: number
  cmp: string
  state: ConsentState
  previous?: ConsentState
  /** Categories whose value differs, in the order the CMP reports them. */
  diff: CategoryChange[]
  statusChanged: boolean
  gpc: boolean
  /** The effective preferences events are stamped with from now on. */
  preferences: Record<string, boolean>
  error?: string
}

const own = (o: Record<string, boolean>, k: string) => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined)

export function diffCategories(before: Record<string, boolean> | undefined, after: Record<string, boolean>): CategoryChange[] {
  const b = before ?? {}
  const names = [...new Set([...Object.keys(after), ...Object.keys(b)])]
  return names.map((category) => ({ category, before: own(b, category), after: own(after, category) })).filter((c) => c.before !== c.after)
}

export function consentChanges(messages: Diagnostic[]): ConsentChange[] {
  const last = new Map<string, ConsentState>()
  const out: ConsentChange[] = []
  for (const m of messages) {
    if (m.kind !== 'consent') continue
    const c = m as DiagnosticOf<'consent'>
    const previous = c.previous ?? last.get(c.sid)
    last.set(c.sid, c.state)
    out.push({
      key: `${c.sid}:${c.seq}`,
      time: c.time,
      cmp: c.cmp,
      state: c.state,
      ...(previous ? { previous } : {}),
      diff: diffCategories(previous?.categories, c.state.categories),
      statusChanged: previous !== undefined && previous.status !== c.state.status,
      gpc: c.state.gpc === true,
      preferences: c.preferences,
      ...(c.error !== undefined ? { error: c.error } : {}),
    })
  }
  return out
}
