/**
 * Reads a CDP `Profiler` profile of the bench page: self time per function,
 * kept to our own code (plugin/ and shared/). The page is profiled in its
 * unminified build, whose bundler comments (`// plugin/consent-guard.ts`)
 * mark where each source module starts, so each sample maps to a module.
 */

/** The part of CDP's `Profiler.Profile` read here. */
export interface CpuProfile {
  nodes: Array<{ hitCount?: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>
  startTime: number
  endTime: number
  samples?: number[]
}

export interface HotFunction {
  name: string
  module: string
  selfMs: number
}

/** Line ranges of the bundle's source modules: the line each `// path/to/module.ts` comment starts. */
export function moduleStarts(source: string): Array<{ line: number; module: string }> {
  const starts: Array<{ line: number; module: string }> = []
  source.split('\n').forEach((text, line) => {
    const m = /^\/\/ ((?:[\w@.-]+\/)+[\w.-]+\.(?:ts|js|mjs|cjs))$/.exec(text)
    if (m) starts.push({ line, module: m[1] })
  })
  return starts
}

function moduleAt(starts: Array<{ line: number; module: string }>, line: number): string | undefined {
  let found: string | undefined
  for (const s of starts) {
    if (s.line > line) break
    found = s.module
  }
  return found
}

/** Our functions by self time, highest first; also the total self time spent in our code and in the whole page. */
export function hotFunctions(profile: CpuProfile, scriptUrl: string, source: string): { top: HotFunction[]; oursMs: number; totalMs: number } {
  const starts = moduleStarts(source)
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples?.length ?? 1)
  const byFunction = new Map<string, HotFunction>()
  let oursMs = 0
  let totalMs = 0
  for (const node of profile.nodes) {
    const selfMs = (node.hitCount ?? 0) * msPerSample
    const frame = node.callFrame
    if (frame.functionName !== '(idle)' && frame.functionName !== '(program)') totalMs += selfMs
    if (frame.url !== scriptUrl || selfMs === 0) continue
    const module = moduleAt(starts, frame.lineNumber)
    if (!module || !/^(plugin|shared)\//.test(module)) continue
    oursMs += selfMs
    const key = `${frame.functionName}@${frame.lineNumber}:${frame.columnNumber}`
    const hot = byFunction.get(key) ?? { name: frame.functionName || '(anonymous)', module, selfMs: 0 }
    hot.selfMs += selfMs
    byFunction.set(key, hot)
  }
  return { top: [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs), oursMs, totalMs }
}
