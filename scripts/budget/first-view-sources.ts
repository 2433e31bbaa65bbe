/**
 * Where the first view's bytes come from: each first-view chunk of the last build (the entry and
 * what it imports statically; maplibre-gl's own chunk left out) cut by its source map into the
 * source files its bytes were generated from, with each file's share gzipped on its own (so the
 * figures add up to a little more than the chunk's gzip size). Build with source maps first:
 *
 *   npx vite build --mode e2e --sourcemap && npx tsx scripts/budget/first-view-sources.ts [top=40]
 *
 * Prints a table; writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping'
import type { ChunkModules } from './chunk-modules'

const ROOT = resolve(import.meta.dirname, '../..')
const top = Number(process.argv[2] ?? 40)
const chunks = JSON.parse(readFileSync(resolve(ROOT, 'dist/.vite/chunks.json'), 'utf8')) as Record<string, ChunkModules>

const entry = Object.keys(chunks).find((name) => chunks[name]!.isEntry)!
const firstView = new Set<string>()
const visit = (name: string) => {
  if (firstView.has(name) || !chunks[name]) return
  firstView.add(name)
  for (const next of chunks[name]!.imports) visit(next)
}
visit(entry)

const bySource = new Map<string, string[]>()
for (const chunk of firstView) {
  if (/\/(maplibre|rolldown-runtime)-/.test(chunk)) continue
  const mapPath = resolve(ROOT, 'dist', `${chunk}.map`)
  if (!existsSync(mapPath)) throw new Error(`${chunk}.map is missing: build with --sourcemap`)
  const code = readFileSync(resolve(ROOT, 'dist', chunk), 'utf8').split('\n')
  const map = new TraceMap(readFileSync(mapPath, 'utf8'))
  const segments: { line: number; column: number; source: string }[] = []
  eachMapping(map, (m) =>
    segments.push({
      line: m.generatedLine - 1,
      column: m.generatedColumn,
      source: (m.source ?? '(none)').replace(/^.*?\/(src|node_modules)\//, '$1/'),
    }),
  )
  for (let i = 0; i < segments.length; i++) {
    const at = segments[i]!
    const next = segments[i + 1]
    const line = code[at.line] ?? ''
    const text = next && next.line === at.line ? line.slice(at.column, next.column) : line.slice(at.column)
    const parts = bySource.get(at.source) ?? []
    parts.push(text)
    bySource.set(at.source, parts)
  }
}

const rows = [...bySource].map(([source, parts]) => {
  const text = parts.join('')
  return { source, raw: text.length, gzip: gzipSync(text, { level: 9 }).length }
})
rows.sort((a, b) => b.gzip - a.gzip)
const kB = (n: number) => (n / 1024).toFixed(1).padStart(6)
console.log(`first-view chunks: ${[...firstView].join(', ')}`)
console.log(`   gzip     raw  source (gzip each on its own)`)
for (const row of rows.slice(0, top)) console.log(`${kB(row.gzip)}  ${kB(row.raw)}  ${row.source}`)
const byPackage = new Map<string, number>()
for (const row of rows) {
  const key = row.source.startsWith('node_modules/')
    ? row.source
        .split('/')
        .slice(1, row.source.split('/')[1]!.startsWith('@') ? 3 : 2)
        .join('/')
    : row.source.split('/').slice(0, 3).join('/')
  byPackage.set(key, (byPackage.get(key) ?? 0) + row.gzip)
}
console.log('\nby package or folder:')
for (const [key, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${kB(bytes)}  ${key}`)
