/**
 * What the first view loads: dist/index.html's module script and modulepreload links, their static
 * imports followed recursively, plus MapLibre's worker (the map fetches it at start). Gzip -9 sizes.
 * The bench's figure 4 and the budget check both measure with this.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

export function gzipKB(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024
}

/** Relative specifiers of static `import … from "./x.js"` / `export … from` / `import "./x.js"` (not `import("…")`). */
export function staticImports(code: string): string[] {
  const found: string[] = []
  const pattern = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g
  for (const match of code.matchAll(pattern)) found.push(match[1]!)
  return found
}

/** The first view's JavaScript chunks (absolute paths), in the order they were found. */
export function initialChunks(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const entries = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => resolve(dist, match[1]!))
  const seen = new Set<string>()
  const queue = [...entries]
  while (queue.length > 0) {
    const file = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) queue.push(resolve(dirname(file), specifier))
  }
  return [...seen]
}

export interface InitialJs {
  /** Chunks and MapLibre's worker, relative to dist/. */
  files: { file: string; kB: number }[]
  totalKB: number
  /** maplibre-gl's own bundle and worker, from node_modules: the bare map's first load. */
  maplibreAloneKB: number
}

export function measureInitialJs(dist: string, repoRoot: string): InitialJs {
  const assets = join(dist, 'assets')
  const worker = readdirSync(assets).find((name) => /^maplibre-gl-worker.*\.m?js$/.test(name))
  const chunks = initialChunks(dist)
  const files = (worker ? [...chunks, join(assets, worker)] : chunks).map((file) => ({
    file: relative(dist, file),
    kB: gzipKB(file),
  }))
  const maplibreDist = resolve(repoRoot, 'node_modules/maplibre-gl/dist')
  const baseline = ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs'].map((name) => join(maplibreDist, name))
  return {
    files,
    totalKB: files.reduce((sum, f) => sum + f.kB, 0),
    maplibreAloneKB: baseline.filter(existsSync).reduce((sum, file) => sum + gzipKB(file), 0),
  }
}
