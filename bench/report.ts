/** One line of the bench table. `met` is undefined for figures that have no goal. */
export interface Row {
  metric: string
  value: number
  unit: string
  goal?: string
  met?: boolean
  note?: string
}

const fmt = (v: number) => (Number.isNaN(v) ? '-' : Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2))

export function printTable(rows: Row[]): string {
  const lines = rows.map((r) => [r.metric, `${fmt(r.value)} ${r.unit}`.trim(), r.goal ?? '', r.met === undefined ? '' : r.met ? 'met' : 'MISSED', r.note ?? ''])
  const header = ['figure', 'value', 'goal', '', 'note']
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...lines.map(line)].join('\n')
}
