/**
 * The layering the project promises (STYLE "Depend inward only"), checked on
 * the source: shared/ imports nothing outside itself, the extension never
 * imports the plugin (nor the plugin the extension), and no import cycle exists.
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
  it('shared/ imports nothing outside itself', () => {
    const outside = [...graph].flatMap(([f, deps]) => (f.startsWith('shared/') ? deps.filter((d) => !d.startsWith('shared/')).map((d) => `${f} -> ${d}`) : []))
    expect(outside).toEqual([])
  })

  it('the extension and the plugin never import each other', () => {
    const crossing = [...graph].flatMap(([f, deps]) =>
      deps.filter((d) => (f.startsWith('extension/') && d.startsWith('plugin/')) || (f.startsWith('plugin/') && d.startsWith('extension/'))).map((d) => `${f} -> ${d}`),
    )
    expect(crossing).toEqual([])
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
  })
})
