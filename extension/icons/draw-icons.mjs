#!/usr/bin/env node
/**
 * Draws the debugger's icons (16, 32, 48 and 128 px PNGs next to this file):
 * a shield with a check mark. Run by hand after changing the drawing
 * (`node extension/icons/draw-icons.mjs`); the PNGs are committed, so builds
 * need no image tool. Only the files the manifest names ship: this script
 * does not. Plain Node (zlib for PNG's deflate and CRC), no dependency.
 */
import { writeFileSync } from 'node:fs'
import { deflateSync, crc32 } from 'node:zlib'

const SIZES = [16, 32, 48, 128]
const SHIELD = [37, 99, 235] // blue
const CHECK = [255, 255, 255]
/** Samples per pixel side: smooth edges without a rasteriser. */
const SUPERSAMPLE = 8

/** The shield in a unit square: flat top with rounded corners, sides curving to a point. */
function inShield(x, y) {
  const top = 0.08
  const bottom = 0.94
  if (y < top || y > bottom) return false
  const t = (y - top) / (bottom - top)
  // Full width down to 45 %, then narrowing along a quarter ellipse to the point.
  const half = t < 0.45 ? 0.42 : 0.42 * Math.sqrt(Math.max(0, 1 - ((t - 0.45) / 0.55) ** 2))
  if (Math.abs(x - 0.5) > half) return false
  const r = 0.1 // rounded top corners
  const cx = x < 0.5 ? 0.5 - 0.42 + r : 0.5 + 0.42 - r
  if (y < top + r && Math.abs(x - 0.5) > 0.42 - r) return (x - cx) ** 2 + (y - (top + r)) ** 2 <= r * r
  return true
}

/** Distance from (x, y) to the segment a-b. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy))
}

function inCheck(x, y, size) {
  // Thicker strokes at small sizes, so the mark survives 16 px.
  const width = size <= 16 ? 0.11 : size <= 32 ? 0.085 : 0.07
  const a = [0.3, 0.5]
  const b = [0.45, 0.65]
  const c = [0.71, 0.36]
  return segmentDistance(x, y, a, b) <= width || segmentDistance(x, y, b, c) <= width
}

/** RGBA rows, each prefixed with PNG filter byte 0. */
function draw(size) {
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let py = 0; py < size; py++) {
    rows[py * (size * 4 + 1)] = 0
    for (let px = 0; px < size; px++) {
      let shield = 0
      let check = 0
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size
          if (!inShield(x, y)) continue
          shield++
          if (inCheck(x, y, size)) check++
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE
      const alpha = shield / samples
      const mix = shield === 0 ? 0 : check / shield
      const o = py * (size * 4 + 1) + 1 + px * 4
      for (let i = 0; i < 3; i++) rows[o + i] = Math.round(SHIELD[i] * (1 - mix) + CHECK[i] * mix)
      rows[o + 3] = Math.round(alpha * 255)
    }
  }
  return rows
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png(size) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bits per channel
  header[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(draw(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

for (const size of SIZES) {
  const file = new URL(`icon-${size}.png`, import.meta.url)
  writeFileSync(file, png(size))
  console.log(`wrote ${file.pathname}`)
}
