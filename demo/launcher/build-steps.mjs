/**
 * What `npm start` builds before serving, each step only when its output is
 * missing or older than its sources (a fresh `npm ci` builds everything, a
 * second start builds nothing):
 * - the plugin (`npm run build:plugin`): the package a site would install;
 * - the extension (`npm run build:extension`): optional, a failure is a warning;
 * - the shop's front end (Vite, vite.demo.config.ts -> demo/dist/shop);
 * - the demo server (Rolldown, demo/server/demo-server.ts -> demo/dist/server.mjs):
 *   Node 20 cannot import the TypeScript test servers it reuses.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { repoPath, REPO, SERVER_BUNDLE } from './paths.mjs'

/** Build output inside source folders (extension/dist, extension/dist-firefox, extension/release): never a source. */
const BUILD_OUTPUT = new Set(['dist', 'dist-firefox', 'release'])

/** Test files change no build output. */
const TEST_FILE = /\.test(-d)?\.ts$/

/** Newest modification time under `path` (skipping build output, dependencies, dot files and tests). */
export async function newestMtime(path) {
  if (!existsSync(path)) return 0
  const info = await stat(path)
  if (!info.isDirectory()) return TEST_FILE.test(path) ? 0 : info.mtimeMs
  let newest = info.mtimeMs // a deleted file changes its directory's mtime
  for (const entry of await readdir(path)) {
    if (BUILD_OUTPUT.has(entry) || entry === 'node_modules' || entry.startsWith('.')) continue
    newest = Math.max(newest, await newestMtime(join(path, entry)))
  }
  return newest
}

/** Whether any output is missing or older than the newest source. */
export async function isStale(step) {
  const outputs = step.outputs.map(repoPath)
  if (outputs.some((file) => !existsSync(file))) return true
  const built = Math.min(...(await Promise.all(outputs.map(async (file) => (await stat(file)).mtimeMs))))
  const sources = Math.max(...(await Promise.all(step.sources.map((source) => newestMtime(repoPath(source))))))
  return sources > built
}

/** The environment for child builds: a test runner's NODE_ENV=test would change what analytics-next bundles. */
function buildEnv() {
  const env = { ...process.env }
  if (env.NODE_ENV === 'test') delete env.NODE_ENV
  return env
}

/** Runs `npm run <script>` in the repository; rejects with the output's tail on failure. */
function npmRun(script) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script], {
      cwd: REPO,
      env: buildEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    })
    let output = ''
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) return resolve()
      // Without colour codes: they make the tail unreadable in a terminal log.
      const tail = output.replace(/\x1b\[[0-9;]*m/g, '').trim().split('\n').slice(-25).join('\n')
      reject(new Error(`\`npm run ${script}\` exited with code ${code}:\n${tail}`))
    })
  })
}

async function buildShop() {
  const { build } = await import('vite')
  await build({ configFile: repoPath('vite.demo.config.ts'), logLevel: 'error', mode: 'production' })
}

async function buildServer() {
  const { rolldown } = await import('rolldown')
  const bundle = await rolldown({ input: repoPath('demo/server/demo-server.ts'), platform: 'node', logLevel: 'warn' })
  try {
    await bundle.write({ file: SERVER_BUNDLE, format: 'esm' })
  } finally {
    await bundle.close()
  }
}

/** Every step, in order. `required`: the demo cannot run without it. */
export const BUILD_STEPS = [
  {
    id: 'plugin',
    title: 'the plugin (dist/consent-guard.js, .cjs, .iife.js)',
    outputs: ['dist/consent-guard.js', 'dist/consent-guard.iife.js'],
    sources: ['plugin', 'shared', 'vite.plugin.config.ts', 'tsconfig.types.json'],
    // The shop bundles the plugin's source itself, so it can run without this build.
    required: false,
    run: () => npmRun('build:plugin'),
  },
  {
    id: 'extension',
    title: 'the debugger extension (extension/dist)',
    outputs: ['extension/dist/manifest.json'],
    sources: ['extension', 'shared', 'vite.config.ts'],
    required: false,
    run: () => npmRun('build:extension'),
  },
  {
    id: 'shop',
    title: 'the demo shop (demo/dist/shop)',
    outputs: ['demo/dist/shop/index.html', 'demo/dist/shop/sink.html'],
    sources: ['demo/shop', 'demo/server/config-injection.ts', 'demo/server/sink-report-types.ts', 'plugin', 'shared', 'vite.demo.config.ts'],
    required: true,
    run: buildShop,
  },
  {
    id: 'server',
    title: 'the demo server (demo/dist/server.mjs)',
    outputs: ['demo/dist/server.mjs'],
    sources: ['demo/server', 'test/servers', 'test/fixtures', 'shared'],
    required: true,
    run: buildServer,
  },
]

/**
 * Builds every stale step. A failed optional step is reported as a warning
 * and the demo goes on; a failed required step throws. Returns the ids of
 * the optional steps that failed.
 */
export async function ensureBuilt({ skip = [], log = console.log, warn = console.warn } = {}) {
  const failed = []
  for (const step of BUILD_STEPS) {
    if (skip.includes(step.id)) {
      if (step.required && !step.outputs.every((file) => existsSync(repoPath(file)))) {
        throw new Error(`--skip-build ${step.id}, but ${step.outputs.join(' / ')} is missing`)
      }
      continue
    }
    if (!(await isStale(step))) continue
    const started = Date.now()
    log(`Building ${step.title}...`)
    try {
      await step.run()
      log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    } catch (error) {
      if (step.required) throw new Error(`building ${step.title} failed: ${error.message}`, { cause: error })
      failed.push(step.id)
      warn(`\nWARNING: building ${step.title} failed; the shop still runs.\n${error.message}\n`)
    }
  }
  return failed
}

/** Whether what `--no-build` needs is there. */
export function demoBuildExists() {
  return BUILD_STEPS.filter((s) => s.required).every((s) => s.outputs.every((file) => existsSync(repoPath(file))))
}
