/**
 * Serves files from a directory (the built test pages, a demo folder) with
 * the right content type, refusing any path that escapes the directory.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
}

/** The content type for a file name, `application/octet-stream` when unknown. */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** A file's bytes and type, or undefined when it is missing, a directory, or outside `dir`. */
export async function readStaticFile(
  dir: string,
  relativePath: string,
): Promise<{ body: Buffer; contentType: string } | undefined> {
  const root = resolve(dir)
  const file = resolve(root, `.${sep}${relativePath}`)
  if (file !== root && !file.startsWith(root + sep)) return undefined
  try {
    const info = await stat(file)
    if (!info.isFile()) return undefined
    return { body: await readFile(file), contentType: contentTypeFor(file) }
  } catch {
    return undefined
  }
}
