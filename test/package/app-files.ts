/**
 * The files of a fresh Vite + TypeScript app that installs the tarball, the
 * way a user would start one. Kept as strings so the repository's own
 * typecheck does not try to resolve `consent-guard` from here.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const devDependencies: Record<string, string> = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')).devDependencies
/** Exact versions: the ones this repository pins and tests with (so the npm cache already holds them). */
export const APP_VERSIONS = {
  '@segment/analytics-next': devDependencies['@segment/analytics-next'],
  vite: devDependencies.vite,
  typescript: devDependencies.typescript,
}

/** The event the quick start's page sends. */
export const QUICK_START_EVENT = 'Quick start from the tarball'

/** The README's quick-start block, as a user would paste it. */
export function readmeQuickStart(): string {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8')
  const block = /<!-- quick-start[^>]*-->\s*```ts\n([\s\S]*?)```\s*<!-- \/quick-start -->/.exec(readme)
  if (!block) throw new Error('README.md has no quick-start block')
  return block[1]
}

const tsconfig = (module: string, include: string[]) =>
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module,
      moduleResolution: module === 'ESNext' ? 'Bundler' : module,
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: [],
      strict: true,
      noEmit: true,
      // Declaration files are checked too: broken package types must not hide behind `any`.
      skipLibCheck: false,
    },
    include,
  })

const GOOD = ['src/*.ts']
const GOOD_CJS = ['src/*.ts', 'src/*.cts']

/** `moduleResolution` -> [the tsconfig that must pass, the one that must report the deliberate errors]. */
export const TYPECHECKS = {
  bundler: ['tsconfig.bundler.json', 'tsconfig.bundler-errors.json'],
  node16: ['tsconfig.node16.json', 'tsconfig.node16-errors.json'],
  nodenext: ['tsconfig.nodenext.json', 'tsconfig.nodenext-errors.json'],
} as const

/** The deliberate type errors: where each is, and what tsc must say there (the .cts one under node16/nodenext only). */
export const DELIBERATE_ERRORS = [
  { at: 'type-errors/wrong-option.ts(4,', says: `Type '"maybe"' is not assignable to type '"allow" | "block" | undefined'` },
  { at: 'type-errors/wrong-option.cts(3,', says: "Type 'string' is not assignable to type 'number'" },
]

/** Path in the app -> contents. */
export function appFiles(tarball: string): Record<string, string> {
  return {
    'package.json': JSON.stringify({
      name: 'consent-guard-consumer',
      private: true,
      type: 'module',
      dependencies: { 'consent-guard': `file:${tarball}`, '@segment/analytics-next': APP_VERSIONS['@segment/analytics-next'] },
      devDependencies: { vite: APP_VERSIONS.vite, typescript: APP_VERSIONS.typescript },
    }),
    'vite.config.js': `export default { base: './' }\n`,
    'index.html': `<!doctype html>
<html><head><meta charset="utf-8"><title>consent-guard consumer</title></head>
<body><script type="module" src="./src/main.ts"></script></body></html>
`,
    // The one change to the README's code: analytics-next gets local settings and a local Segment API host.
    'src/offline-analytics-next.ts': `import { AnalyticsBrowser as Real, type AnalyticsBrowserSettings, type InitOptions } from '@segment/analytics-next'

const apiHost = \`\${location.host}/v1\`

export const AnalyticsBrowser = {
  load(settings: AnalyticsBrowserSettings, options: InitOptions = {}) {
    return Real.load(
      { ...settings, cdnURL: location.origin, cdnSettings: { integrations: { 'Segment.io': { apiKey: 'test', apiHost, protocol: 'http' } }, remotePlugins: [], metrics: { sampleRate: 0 } } },
      { ...options, integrations: { 'Segment.io': { apiHost, protocol: 'http' } }, disableClientPersistence: true },
    )
  },
}
`,
    'src/quick-start.ts': readmeQuickStart().replace("from '@segment/analytics-next'", "from './offline-analytics-next.js'"),
    'src/main.ts': `/// <reference types="vite/client" />
import iifeUrl from 'consent-guard/iife?url'
import { analytics } from './quick-start.js'

void analytics.track(${JSON.stringify(QUICK_START_EVENT)})

// The snippet build, reached through the package's \`consent-guard/iife\` subpath.
const script = document.createElement('script')
script.src = iifeUrl
document.head.append(script)
`,
    // The public types in use: compiles under every resolution, and proves they are not \`any\` with the errors below.
    'src/public-api.ts': `import {
  ConsentGuardConfigError,
  consentGuard,
  custom,
  decideRouting,
  type ConsentGuardOptions,
  type ConsentState,
  type Diagnostic,
  type RoutingDecision,
} from 'consent-guard'
import type {} from 'consent-guard/iife'

const state: ConsentState = { status: 'decided', categories: { C0001: true }, source: 'app' }
const options: ConsentGuardOptions = { cmp: custom({ read: () => state }), unmappedDestinations: 'block' }
export const guard = consentGuard(options)
export const decisions: RoutingDecision[] = decideRouting({ integrations: {} }, state)
export const isConfigError = (error: unknown): error is ConsentGuardConfigError => error instanceof ConsentGuardConfigError
export const stop: () => void = guard.onDiagnostic((d: Diagnostic) => void d.kind)
export const fromTheSnippet: typeof consentGuard = window.ConsentGuard.consentGuard
`,
    // CommonJS TypeScript (node16/nodenext only): resolves through the \`require\` condition's .d.cts.
    'src/commonjs.cts': `import { consentGuard, staticConsent } from 'consent-guard'

export const guard = consentGuard({ cmp: staticConsent({ C0001: true }), diagnostics: 'off' })
`,
    'type-errors/wrong-option.ts': `import { consentGuard, custom } from 'consent-guard'

const cmp = custom({ read: () => ({ status: 'decided' as const, categories: {}, source: 'app' }) })
consentGuard({ cmp, unmappedDestinations: 'maybe' })
`,
    'type-errors/wrong-option.cts': `import { consentGuard, staticConsent } from 'consent-guard'

consentGuard({ cmp: staticConsent({}), waitForConsent: { timeoutMs: 'soon' } })
`,
    'tsconfig.bundler.json': tsconfig('ESNext', GOOD),
    'tsconfig.bundler-errors.json': tsconfig('ESNext', [...GOOD, 'type-errors/*.ts']),
    'tsconfig.node16.json': tsconfig('Node16', GOOD_CJS),
    'tsconfig.node16-errors.json': tsconfig('Node16', [...GOOD_CJS, 'type-errors/*.ts', 'type-errors/*.cts']),
    'tsconfig.nodenext.json': tsconfig('NodeNext', GOOD_CJS),
    'tsconfig.nodenext-errors.json': tsconfig('NodeNext', [...GOOD_CJS, 'type-errors/*.ts', 'type-errors/*.cts']),
    // Node's ESM loader: the entry and every chunk it imports resolve from the installed tarball.
    'import-check.mjs': `const guard = await import('consent-guard')
console.log(JSON.stringify({ exports: Object.keys(guard).sort() }))
`,
    // CommonJS at run time: require() the package, its package.json and the IIFE's path.
    'require-check.cjs': `const guard = require('consent-guard')
const pkg = require('consent-guard/package.json')
const plugin = guard.consentGuard({ cmp: guard.staticConsent({ C0001: true }), diagnostics: 'off' })
console.log(JSON.stringify({
  exports: Object.keys(guard).sort(),
  version: pkg.version,
  plugin: plugin.name,
  consent: plugin.consent(),
  iife: require.resolve('consent-guard/iife'),
}))
`,
  }
}
