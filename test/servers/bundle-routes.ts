/**
 * Where the fake destinations' code lives on the test server, and how a
 * request path says which bundle (and which fault) to generate. The scheme
 * is stateless on purpose: CDN settings built by test/fixtures/cdn-settings.ts
 * carry everything in the URLs, so a test never has to register a
 * destination with the server separately (and cannot forget to).
 */

/**
 * Fault injection for a fake destination:
 * - `not-found`: the bundle request answers 404 (the script fails to load);
 * - `throws-on-eval`: the bundle sets its cookie, then throws while evaluating;
 * - `never-loads`: the script runs but the destination never becomes ready
 *   (classic: never emits `initialize`/`ready`; action: `load()` never settles).
 */
export type BundleFault = 'not-found' | 'throws-on-eval' | 'never-loads'

const FAULTS: readonly BundleFault[] = ['not-found', 'throws-on-eval', 'never-loads']

/**
 * analytics-next's own slug for a classic integration name (the private
 * `normalizeName` in plugins/ajs-destination/loader.ts): lower-cased, the
 * FIRST `.` removed, whitespace runs turned into `-`. It names both the URL
 * path and the `window[<slug>Deps|Loader|Integration]` globals.
 */
export function classicSlug(name: string): string {
  return name.toLowerCase().replace('.', '').replace(/\s+/g, '-')
}

/**
 * The cookie- and path-safe key of a fake destination: `<key>_loaded` is its
 * cookie and `/vendor/<key>/<type>` its vendor endpoint. Equal for a name and
 * for its classic slug, so the server can derive it from the bundle URL.
 */
export function destinationKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** The `versionSettings.version` that makes the server inject `fault` (or a plain version). */
export function classicVersion(fault?: BundleFault): string {
  return fault ? `fault-${fault}` : '1.0.0'
}

/** The path analytics-next requests for a classic integration (relative to `cdnURL`). */
export function classicBundlePath(name: string, version: string): string {
  const slug = classicSlug(name)
  return `/next-integrations/integrations/${slug}/${version}/${slug}.dynamic.js.gz`
}

/** The global an action bundle assigns its plugin factory to (`remotePlugins[].libraryName`). */
export function actionLibraryName(name: string): string {
  return `fakeAction_${destinationKey(name).replace(/-/g, '_')}`
}

/** The URL path of a fake action bundle; the query carries name, global and fault. */
export function actionBundlePath(name: string, fault?: BundleFault): string {
  const query = new URLSearchParams({ name, library: actionLibraryName(name) })
  if (fault) query.set('fault', fault)
  return `/actions/${destinationKey(name)}.js?${query}`
}

/** What the server should generate for a bundle request. */
export type BundleRequest =
  | { kind: 'classic'; slug: string; key: string; fault?: BundleFault }
  | { kind: 'action'; name: string; key: string; libraryName: string; fault?: BundleFault }

function asFault(value: string | undefined): BundleFault | undefined {
  return FAULTS.find((f) => f === value)
}

const CLASSIC_PATH = /^\/next-integrations\/integrations\/([^/]+)\/([^/]+)\/([^/]+)\.dynamic\.js\.gz$/
const ACTION_PATH = /^\/actions\/([a-z0-9-]+)\.js$/

/** Parses a request path (already URL-decoded per segment) into a bundle request, if it is one. */
export function parseBundleRequest(path: string, query: Record<string, string>): BundleRequest | undefined {
  const classic = CLASSIC_PATH.exec(path)
  if (classic) {
    const slug = decodeURIComponent(classic[1])
    if (decodeURIComponent(classic[3]) !== slug) return undefined
    const version = decodeURIComponent(classic[2])
    const fault = version.startsWith('fault-') ? asFault(version.slice('fault-'.length)) : undefined
    return { kind: 'classic', slug, key: destinationKey(slug), fault }
  }
  const action = ACTION_PATH.exec(path)
  if (action && query.name && query.library) {
    return { kind: 'action', name: query.name, key: action[1], libraryName: query.library, fault: asFault(query.fault) }
  }
  return undefined
}
