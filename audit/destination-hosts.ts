/**
 * Which URL prefixes belong to which destination in one recording: the
 * built-in vendor table, the audit's `destinationHosts`, and the hosts the
 * page's settings messages name (the plugin's `destinationHosts` option, the
 * inspector hook's action bundle URLs) - the same sources the network check
 * reads, so counting and judging agree.
 */
import { parseUrl, urlMatches } from '../shared/network/url-prefix'
import { VENDOR_HOSTS } from '../shared/network/vendor-hosts'
import type { Diagnostic } from '../shared/protocol/protocol'
import { SEGMENT_IO } from '../shared/routing/destinations'

export type HostTable = Record<string, string[]>

/** The table handed to `checkNetwork`: built-in hosts plus the audit's own, Segment.io's being `segmentPrefixes`. */
export function auditHostTable(extra: Record<string, string[]>, segmentPrefixes: string[]): HostTable {
  const table: HostTable = {}
  for (const [d, hosts] of Object.entries(VENDOR_HOSTS)) table[d] = [...hosts]
  for (const [d, hosts] of Object.entries(extra)) if (d !== SEGMENT_IO) table[d] = [...(table[d] ?? []), ...hosts]
  table[SEGMENT_IO] = [...segmentPrefixes]
  return table
}

/** `table` plus every host the settings messages give a destination. */
export function withSettingsHosts(table: HostTable, messages: Diagnostic[]): HostTable {
  const out: HostTable = { ...table }
  for (const m of messages) {
    if (m.kind !== 'settings' && m.kind !== 'inspector-settings') continue
    for (const d of m.destinations) if (d.hosts?.length) out[d.destination] = [...new Set([...(out[d.destination] ?? []), ...d.hosts])]
  }
  return out
}

/** The destinations (not Segment.io) whose hosts `url` falls under. */
export function destinationsOfUrl(url: string, table: HostTable): string[] {
  // Parsed once: it is matched against every destination's prefixes.
  const parsed = parseUrl(url)
  if (!parsed) return []
  return Object.entries(table)
    .filter(([d, prefixes]) => d !== SEGMENT_IO && prefixes.some((p) => urlMatches(parsed, p)))
    .map(([d]) => d)
}
