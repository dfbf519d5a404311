/**
 * Whether a build output is older than its sources, so e2e helpers rebuild
 * before testing (never a stale build). Test files do not count as sources.
 */
import { existsSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** Build output inside a source folder (extension/dist, dist-firefox, release): never a source. */
const OUTPUT_DIRS = new Set(['dist', 'dist-firefox', 'release', 'node_modules'])

/** The newest modification time under `path` (0 when it does not exist); skips build output and node_modules. */
export async function newest(path: string): Promise<number> {
  if (!existsSync(path)) return 0
  const info = await stat(path)
  if (!info.isDirectory()) return /\.test(-d)?\.ts$/.test(path) ? 0 : info.mtimeMs
  let latest = 0
  for (const entry of await readdir(path)) if (!OUTPUT_DIRS.has(entry)) latest = Math.max(latest, await newest(join(path, entry)))
  return latest
}

/** True when `output` is missing or older than any of `sources`. */
export async function isStale(output: string, sources: string[]): Promise<boolean> {
  const built = existsSync(output) ? (await stat(output)).mtimeMs : 0
  return built < Math.max(...(await Promise.all(sources.map(newest))))
}
