/**
 * Writes a ZIP archive (the format both extension stores take) from a list
 * of files, with Node's zlib only: deflate for the data, crc32 for the
 * checksums. Entries are sorted and stamped with one fixed time, so the same
 * build always packs to the same bytes (a release can be rebuilt and
 * compared). No ZIP64: an extension is far below 4 GiB and 65,535 files.
 */
import { crc32, deflateRawSync } from 'node:zlib'

/** 1980-01-01 00:00, the earliest MS-DOS date a ZIP entry can carry. */
const DOS_TIME = 0
const DOS_DATE = (1 << 5) | 1
const UTF8_NAMES = 0x0800
const DEFLATE = 8
const STORE = 0

/**
 * @param {Array<{ name: string, data: Buffer }>} files names with `/` separators, relative to the archive root
 * @returns {Buffer}
 */
export function zipArchive(files) {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const locals = []
  const centrals = []
  let offset = 0
  for (const { name, data } of sorted) {
    if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) throw new Error(`zip: unsafe entry name ${name}`)
    const nameBytes = Buffer.from(name, 'utf8')
    const deflated = deflateRawSync(data, { level: 9 })
    // Keep the smaller form: small PNGs do not shrink.
    const [method, body] = deflated.length < data.length ? [DEFLATE, deflated] : [STORE, data]
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_NAMES, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(DOS_TIME, 10)
    local.writeUInt16LE(DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    local.writeUInt16LE(0, 28)
    locals.push(local, nameBytes, body)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4) // made by: Unix, 2.0 (so the mode below is read)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(UTF8_NAMES, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt16LE(DOS_TIME, 12)
    central.writeUInt16LE(DOS_DATE, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    // extra, comment, disk start, internal attributes: 0
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38) // a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + body.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(sorted.length, 8)
  end.writeUInt16LE(sorted.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}
