import type { SegmentEventLike } from '../analytics-slice'
import { SEGMENT_IO } from '../../shared/routing/destinations'

/**
 * Switches destinations off for one event through `event.integrations`:
 * analytics-next picks an event's destinations from these flags after the
 * enrichment plugins ran (by name or alternative name). Flags are only ever
 * set to `false`, and no key is deleted, so the site's own flags still hold.
 */
export function gateEvent(event: SegmentEventLike, blocked: readonly string[], blockSegment: boolean): void {
  if (blocked.length === 0 && !blockSegment) return
  const integrations: Record<string, unknown> = { ...(event.integrations ?? {}) }
  for (const name of blocked) integrations[name] = false
  if (blockSegment) integrations[SEGMENT_IO] = false
  event.integrations = integrations
}
