/**
 * `npm run bench` (vitest's `bench` project runs this file, which gives it
 * TypeScript and the test harness): every figure measured side by side in one
 * run, in real headless Chromium, on 127.0.0.1 only. Prints a table and
 * writes bench/results.json. Goals are reported, never asserted: timings vary between runs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { rolldown } from 'rolldown'
import { it } from 'vitest'
import { cpus } from 'node:os'
import { resolve } from 'node:path'
import { launchBrowser, EXTENSION_DIST } from '../test/e2e/support/browser'
import { htmlPage } from '../test/servers/html-page'
import { startTestServer } from '../test/servers/test-server'
import { printTable, type Row } from './report'
import { heldSection } from './sections/held'
import { latencySection } from './sections/latency'
import { panelSection } from './sections/panel'
import { diagnosticsSection, perEventSection, profileSection } from './sections/per-event'
import { sizeSection } from './sections/size'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
/**
 * `BENCH_ONLY=panel,size` runs only the named sections (size, per-event,
 * profile, held, latency, diagnostics, panel), for profiling one of them;
 * unset runs all.
 * A partial run prints its table but leaves bench/results.json alone.
 */
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : undefined
const runs = (section: string) => !ONLY || ONLY.has(section)
const root = resolve(import.meta.dirname, '..')

/** The bench page: real analytics-next, consent-guard and consent-tools, built for the browser. */
async function buildBenchPage(dir: string) {
  mkdirSync(dir, { recursive: true })
  const bundle = await rolldown({
    input: resolve(root, 'bench/page/bench-page.ts'),
    cwd: root,
    platform: 'browser',
    logLevel: 'silent',
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
  })
  await bundle.write({ file: resolve(dir, 'bench-page.js'), format: 'iife', minify: true })
  // Unminified, for the profile: the bundler's module comments map each sample to a source module.
  await bundle.write({ file: resolve(dir, 'bench-page.debug.js'), format: 'iife', minify: false })
  await bundle.close()
}

it('measures consent-guard side by side with bare analytics-next and consent-tools', async () => {
  const rows: Row[] = []
  const pageDir = resolve(root, 'bench/.tmp/page')
  if (runs('per-event') || runs('profile') || runs('held') || runs('latency') || runs('diagnostics')) await buildBenchPage(pageDir)
  else mkdirSync(pageDir, { recursive: true })
  const server = await startTestServer({ staticDirs: { '/bench/': pageDir } })
  server.setPage('/bench.html', htmlPage({ title: 'bench', scripts: ['/bench/bench-page.js'] }))
  server.setPage('/bench-debug.html', htmlPage({ title: 'bench (unminified)', scripts: ['/bench/bench-page.debug.js'] }))
  const benchUrl = `${server.url}/bench.html`
  try {
    if (runs('size')) {
      console.error('size…')
      rows.push(...(await sizeSection()))
    }

    if (runs('per-event') || runs('profile') || runs('held') || runs('latency')) {
      const plain = await launchBrowser()
      try {
        const page = await plain.newPage()
        if (runs('per-event')) {
          console.error(`per-event cost, 3 runs of ${ROUNDS} rounds…`)
          rows.push(...(await perEventSection(page, benchUrl, ROUNDS)))
        }
        if (runs('profile')) {
          console.error('profile of the per-event path…')
          const source = readFileSync(resolve(pageDir, 'bench-page.debug.js'), 'utf8')
          rows.push(...(await profileSection(page, `${server.url}/bench-debug.html`, `${server.url}/bench/bench-page.debug.js`, source)))
        }
        if (runs('held')) {
          console.error('held events…')
          rows.push(...(await heldSection(page, benchUrl)))
        }
        if (runs('latency')) {
          console.error('consent latency…')
          rows.push(...(await latencySection(page, server, ROUNDS)))
        }
        plain.guard.assertClean()
      } finally {
        await plain.close()
      }
    }

    if (!runs('diagnostics') && !runs('panel')) {
      // Neither extension section was asked for.
    } else if (existsSync(resolve(EXTENSION_DIST, 'manifest.json'))) {
      const withDebugger = await launchBrowser({ extension: true })
      try {
        if (runs('diagnostics')) {
          console.error('diagnostics with the debugger attached…')
          rows.push(...(await diagnosticsSection(await withDebugger.newPage(), benchUrl, ROUNDS)))
        }
        if (runs('panel')) {
          console.error('the panel with 10,000 events…')
          rows.push(...(await panelSection(withDebugger, server)))
        }
        withDebugger.guard.assertClean()
      } finally {
        await withDebugger.close()
      }
    } else {
      rows.push({ metric: 'per event: diagnostics on + debugger attached; panel figures', value: NaN, unit: '', note: 'extension/dist not built: run npm run build:extension' })
    }
  } finally {
    await server.close()
  }

  const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`
  const table = printTable(rows)
  console.log(`Consent Guard bench, ${new Date().toISOString().slice(0, 10)}, ${machine}, ${ROUNDS} rounds\n`)
  console.log(table)
  if (!ONLY) writeFileSync(resolve(root, 'bench/results.json'), JSON.stringify({ date: new Date().toISOString(), machine, rounds: ROUNDS, rows }, null, 2) + '\n')
})
