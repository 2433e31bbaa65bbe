/**
 * Compares a rendered PNG with a case's expected.png, pixelmatch-style: a pixel differs when its
 * colour distance is above COLOUR_THRESHOLD (pixels pixelmatch takes for antialiasing are not
 * counted), and the case fails when more than MAX_DIFF_FRACTION of the pixels differ.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'

/** pixelmatch's colour threshold, 0…1 (its default is 0.1). */
export const COLOUR_THRESHOLD = 0.1
/** Largest share of differing pixels that still passes: 0.1 % is 65 pixels of a 256×256 image. */
export const MAX_DIFF_FRACTION = 0.001

export interface Comparison {
  differing: number
  fraction: number
  pass: boolean
  /** Red where pixels differ, yellow for antialiasing (not counted), over a grey copy of the actual image. */
  diff: Buffer
}

export function comparePngs(actualBytes: Buffer, expectedBytes: Buffer): Comparison {
  const actual = PNG.sync.read(actualBytes)
  const expected = PNG.sync.read(expectedBytes)
  const { width, height } = expected
  if (actual.width !== width || actual.height !== height)
    throw new Error(`size ${actual.width}×${actual.height}, expected ${width}×${height}`)
  const diff = new PNG({ width, height })
  const differing = pixelmatch(actual.data, expected.data, diff.data, width, height, { threshold: COLOUR_THRESHOLD })
  const fraction = differing / (width * height)
  return { differing, fraction, pass: fraction <= MAX_DIFF_FRACTION, diff: PNG.sync.write(diff) }
}

/** Writes the named PNGs into dir (created if needed). */
export function writePngs(dir: string, files: Record<string, Buffer>) {
  mkdirSync(dir, { recursive: true })
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes)
}
