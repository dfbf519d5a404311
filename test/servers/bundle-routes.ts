/**
 * Where the fake destinations' code lives, and how a request path says which
 * bundle (and which fault) to generate. The paths are Segment's CDN's own:
 * action bundles at `/next-integrations/actions/<name>/<hash>.js` (the URL in
 * `remotePlugins[].url` names https://cdn.segment.com; analytics-next moves it
 * to its CDN, the test server), classic ones at
 * `/next-integrations/integrations/<slug>/<version>/<slug>.dynamic.js.gz`;
 * with `obfuscate` the name directory is btoa'd (no `=`). The scheme is
 * stateless on purpose: the settings carry everything in the URLs, so a test
 * never registers a destination with the server separately.
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

/** The `versionSettings.version` that makes the server inject `fault` (or a real-looking version). */
export function classicVersion(fault?: BundleFault): string {
  return fault ? `fault-${fault}` : '2.11.5'
}

/** Segment's CDN, as the settings name it. */
export const SEGMENT_CDN = 'https://cdn.segment.com'

/** The path analytics-next requests for a classic integration (relative to `cdnURL`). */
export function classicBundlePath(name: string, version: string): string {
  const slug = classicSlug(name)
  return `/next-integrations/integrations/${slug}/${version}/${slug}.dynamic.js.gz`
}

/** The global an action bundle assigns its plugin factory to (`remotePlugins[].libraryName`), as Segment names them. */
export function actionLibraryName(name: string): string {
  return `${destinationKey(name)}Destination`
}

/** The file name (a content hash on Segment's CDN) of an action bundle; a fault is named in it. */
function actionFile(fault?: BundleFault): string {
  return fault ? `fault-${fault}` : '7f3c9a1e5b2d8c4f6a0e'
}

/** `remotePlugins[].url` of a fake action destination, on Segment's CDN like the real ones. */
export function actionBundleUrl(name: string, fault?: BundleFault): string {
  return `${SEGMENT_CDN}/next-integrations/actions/${destinationKey(name)}/${actionFile(fault)}.js`
}

/** The btoa'd directory name analytics-next requests with `obfuscate` (its `=` padding removed). */
export function obfuscated(dir: string): string {
  return Buffer.from(dir, 'latin1').toString('base64').replace(/=/g, '')
}

/** What the server should generate for a bundle request. */
export type BundleRequest = { kind: 'classic' | 'action'; slug: string; key: string; obfuscated: boolean; fault?: BundleFault }

function asFault(value: string | undefined): BundleFault | undefined {
  return FAULTS.find((f) => f === value)
}

/** A name directory as requested: plain, or btoa'd when it is not a plain key and decodes to one. */
function nameDir(dir: string): { name: string; obfuscated: boolean } | undefined {
  if (dir === destinationKey(dir)) return { name: dir, obfuscated: false }
  const decoded = Buffer.from(dir, 'base64').toString('latin1')
  if (decoded && obfuscated(decoded) === dir && decoded === destinationKey(decoded)) return { name: decoded, obfuscated: true }
  return undefined
}

const CLASSIC_PATH = /^\/next-integrations\/integrations\/([^/]+)\/([^/]+)\/([^/]+)\.dynamic\.js\.gz$/
const ACTION_PATH = /^\/next-integrations\/actions\/([^/]+)\/([^/]+)\.js$/

/** Parses a request path (already URL-decoded per segment) into a bundle request, if it is one. */
export function parseBundleRequest(path: string): BundleRequest | undefined {
  const classic = CLASSIC_PATH.exec(path)
  if (classic) {
    const dir = nameDir(decodeURIComponent(classic[1]))
    if (!dir || classic[3] !== classic[1]) return undefined
    const version = decodeURIComponent(classic[2])
    const fault = version.startsWith('fault-') ? asFault(version.slice('fault-'.length)) : undefined
    return { kind: 'classic', slug: dir.name, key: destinationKey(dir.name), obfuscated: dir.obfuscated, fault }
  }
  const action = ACTION_PATH.exec(path)
  const dir = action && nameDir(decodeURIComponent(action[1]))
  if (!action || !dir) return undefined
  const file = decodeURIComponent(action[2])
  const fault = file.startsWith('fault-') ? asFault(file.slice('fault-'.length)) : undefined
  return { kind: 'action', slug: dir.name, key: dir.name, obfuscated: dir.obfuscated, fault }
}
