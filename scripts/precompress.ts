/**
 * The build writes a gzip copy beside each text file it emits (`main.js` → `main.js.gz`), and the
 * server hands it to a browser that accepts gzip (@fastify/static's `preCompressed`). Without it the
 * app's own server sent every file as it is: the first view's 520 kB of scripts (the budget's gzip
 * figure) went out as 2.4 MB, and enforcement.geojson as 232 kB for 17 kB gzipped.
 *
 * Gzip at level 9 only: it is what the budget measures, and the whole build compresses in a quarter
 * of a second. Brotli (quality 11) would save another 16 % and cost 13 s of every `npm start` on two
 * cores; not worth it for files served on a district's network.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

/** Text the browser reads: scripts, styles, data, pictures as SVG. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:m?js|css|html|json|geojson|svg|txt|xml|wasm)$/i
/** Below this a file fits in one packet anyway, and gzip's header is a larger share of it. */
const MIN_BYTES = 1024
/** A copy that saves less than this share is not worth a second file. */
const MIN_SAVING = 0.1

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** Writes `<file>.gz` beside each compressible file of `dir` worth it; returns the files written. */
export function precompress(dir: string): string[] {
  const written: string[] = []
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue
    const bytes = readFileSync(file)
    if (bytes.length < MIN_BYTES) continue
    const gzipped = gzipSync(bytes, { level: 9 })
    if (gzipped.length > bytes.length * (1 - MIN_SAVING)) continue
    writeFileSync(`${file}.gz`, gzipped)
    written.push(`${file}.gz`)
  }
  return written
}

/** The build's plugin: compresses the output folder once everything is written. */
export function precompressPlugin(): Plugin {
  let outDir = 'dist'
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      // `--outDir` may be absolute (tests build into a temporary folder): resolve, not join.
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      precompress(outDir)
    },
  }
}
