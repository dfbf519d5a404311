/**
 * The layering the project promises, checked on the source: one folder per
 * runtime (shared/ pure, plugin/ browser, extension/ debugger, audit/ Node),
 * each importing only inward (shared/ imports nothing outside itself), and no
 * import cycle exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const SOURCE = /\.ts$/
const isTest = (f: string) => /\.test(-d)?\.ts$/.test(f)

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'dist' || name === 'node_modules') return []
    return statSync(join(root, path)).isDirectory() ? files(path) : SOURCE.test(name) && !isTest(name) ? [path] : []
  })
}

/** Relative imports of one file, resolved to repo paths (bare package imports are skipped). */
function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8')
  const found = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)]
  return found.map((m) => {
    const target = relative(root, resolve(root, dirname(file), m[1] ?? m[2]))
    for (const candidate of [target, `${target}.ts`, join(target, 'index.ts')]) {
      try {
        if (statSync(join(root, candidate)).isFile()) return candidate
      } catch {
        // try the next form
      }
    }
    return target
  })
}

const code = [...files('shared'), ...files('plugin'), ...files('extension'), ...files('audit')]
const graph = new Map(code.map((f) => [f, imports(f)]))

describe('architecture', () => {
  /** Which runtime folders each runtime folder may import from: the browser code and the pure code never reach Node or the debugger. */
  const ALLOWED: Record<string, string[]> = {
    shared: ['shared'],
    plugin: ['plugin', 'shared'],
    extension: ['extension', 'shared'],
    audit: ['audit', 'shared', 'plugin'],
  }
  /** Build configuration that lives beside its runtime but runs in Node, under Vite (it reads package.json's version). */
  const BUILD_CONFIG = ['extension/manifest.config.ts']
  it.each(Object.keys(ALLOWED))('%s/ imports only from the runtimes it may use', (runtime) => {
    const crossing = [...graph].flatMap(([f, deps]) =>
      f.startsWith(`${runtime}/`) && !BUILD_CONFIG.includes(f) ? deps.filter((d) => !ALLOWED[runtime].includes(d.split('/')[0])).map((d) => `${f} -> ${d}`) : [],
    )
    expect(crossing).toEqual([])
  })

  it('audit/ takes from plugin/ only its version, never browser code', () => {
    const fromPlugin = [...graph].flatMap(([f, deps]) => (f.startsWith('audit/') ? deps.filter((d) => d.startsWith('plugin/')) : []))
    expect([...new Set(fromPlugin)]).toEqual(['plugin/version.ts'])
  })

  it('has no import cycle', () => {
    const cycles: string[] = []
    const state = new Map<string, 'visiting' | 'done'>()
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return
      if (state.get(f) === 'visiting') return void cycles.push([...path.slice(path.indexOf(f)), f].join(' -> '))
      state.set(f, 'visiting')
      for (const d of graph.get(f) ?? []) if (graph.has(d)) visit(d, [...path, f])
      state.set(f, 'done')
    }
    for (const f of graph.keys()) visit(f, [])
    expect(cycles).toEqual([])
  })

  it('reads the files it checks (the check itself works)', () => {
    expect(graph.get('plugin/consent-guard.ts')).toContain('plugin/consent/consent-tracker.ts')
    expect(graph.size).toBeGreaterThan(80)
    expect(graph.get('audit/detect-platform.ts')).toContain('audit/drivers/drivers.ts')
  })
})
