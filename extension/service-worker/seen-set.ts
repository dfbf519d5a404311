/**
 * The seqs already stored for one sid, as sorted, disjoint, non-adjacent
 * inclusive ranges. A plugin's seqs are mostly contiguous, so this stays a
 * handful of numbers even for thousands of messages, and it is plain JSON
 * for chrome.storage.session.
 */
export type SeenRanges = Array<[number, number]>

function find(ranges: SeenRanges, seq: number): number {
  // Index of the first range whose end >= seq.
  let lo = 0
  let hi = ranges.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (ranges[mid][1] < seq) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function hasSeen(ranges: SeenRanges, seq: number): boolean {
  const i = find(ranges, seq)
  return i < ranges.length && ranges[i][0] <= seq
}

/** Adds `seq` in place, merging neighbours; returns false when it was already there. */
export function addSeen(ranges: SeenRanges, seq: number): boolean {
  const i = find(ranges, seq)
  const at = ranges[i]
  if (at && at[0] <= seq) return false
  const joinsPrev = i > 0 && ranges[i - 1][1] === seq - 1
  const joinsNext = at !== undefined && at[0] === seq + 1
  if (joinsPrev && joinsNext) {
    ranges[i - 1][1] = at[1]
    ranges.splice(i, 1)
  } else if (joinsPrev) ranges[i - 1][1] = seq
  else if (joinsNext) at[0] = seq
  else ranges.splice(i, 0, [seq, seq])
  return true
}
