/**
 * Reads a ZIP archive the way a store does: from the central directory at
 * its end, each entry's local header, then its data (stored or deflated),
 * checking every CRC-32. Written apart from the packager's writer
 * (extension/packaging/zip-archive.mjs), so a mistake in one shows in the other.
 */
import { crc32, inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  data: Buffer
  /** Unix permission bits, when the archive records them. */
  mode: number
}

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50

function findEndOfDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at
  throw new Error('zip: no end-of-central-directory record')
}

export function readZip(zip: Buffer): ZipEntry[] {
  const end = findEndOfDirectory(zip)
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error(`zip: bad central directory entry ${i}`)
    const method = zip.readUInt16LE(at + 10)
    const crc = zip.readUInt32LE(at + 16)
    const compressed = zip.readUInt32LE(at + 20)
    const size = zip.readUInt32LE(at + 24)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const mode = (zip.readUInt32LE(at + 38) >>> 16) & 0o777
    const localOffset = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    at += 46 + nameLength + extraLength + commentLength

    if (zip.readUInt32LE(localOffset) !== LOCAL_HEADER) throw new Error(`zip: ${name}: bad local header`)
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28)
    const raw = zip.subarray(dataStart, dataStart + compressed)
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : undefined
    if (!data) throw new Error(`zip: ${name}: unsupported method ${method}`)
    if (data.length !== size || crc32(data) !== crc) throw new Error(`zip: ${name}: size or CRC mismatch`)
    entries.push({ name, data, mode })
  }
  return entries
}
