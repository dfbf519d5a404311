/** Median of a list of numbers (the middle value, or the mean of the two middle ones). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Runs `rounds` rounds, each calling every contender once in a rotated order, so drift hits all alike. */
export async function alternate<T extends string>(contenders: T[], rounds: number, run: (c: T) => Promise<number>): Promise<Record<T, number[]>> {
  const results = Object.fromEntries(contenders.map((c) => [c, [] as number[]])) as Record<T, number[]>
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < contenders.length; i++) {
      const c = contenders[(i + r) % contenders.length]
      results[c].push(await run(c))
    }
  }
  return results
}
