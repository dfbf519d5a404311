/**
 * Where a lazily loaded destination's code came from, for the debugger: its
 * plugin factory, or the script analytics-next's loader added and marked
 * `status="loaded"` (lib/load-script). An action's bundle directory, or a
 * classic slug, may be btoa'd (`obfuscate`).
 */
export function codeSource(name: string, bundleUrl: string | undefined, fromFactory: boolean): string | undefined {
  if (fromFactory) return 'plugin factory'
  // analytics-next's private normalizeName (plugins/ajs-destination/loader) for classic bundles.
  const dir = bundleUrl ? bundleUrl.split('/').at(-2) ?? '' : name.toLowerCase().replace('.', '').replace(/\s+/g, '-')
  const dirs = [dir, obfuscated(dir)].map((d) => (bundleUrl ? `/${d}/` : `/integrations/${d}/`))
  const file = bundleUrl?.split('/').at(-1) ?? ''
  for (const script of document.querySelectorAll<HTMLScriptElement>('script[status="loaded"]')) {
    if (script.src.endsWith(file) && dirs.some((d) => script.src.includes(d))) return script.src
  }
  return undefined
}

function obfuscated(path: string): string {
  try {
    return btoa(path).replace(/=/g, '')
  } catch {
    return path // not Latin-1: analytics-next could not have obfuscated it either
  }
}
