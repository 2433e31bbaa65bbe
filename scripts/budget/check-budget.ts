/**
 * The first view's budget, as `npm test` checks it after the e2e build: the initial JavaScript
 * (gzip -9, with MapLibre's worker) within perf-budget.json's kB and its ratio to maplibre-gl alone,
 * and none of the packages or folders it forbids in a first-view chunk (the import engine, deck.gl,
 * project files, presentation… load after the first view or on use). The numbers must also stand in
 * docs/performance.md's budget table, so that raising one comes with a line saying why.
 *
 * `tsx scripts/budget/check-budget.ts [dist]` prints what it measured; exit 1 on any breach.
 */
import { existsSync, readFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ChunkModules } from './chunk-modules'
import { measureInitialJs } from './initial-js'

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')

export interface Budget {
  initialJsKB: number
  initialJsRatioToMaplibre: number
  firstViewRequests: number
  firstViewForbidden: string[]
  /** Exceptions to firstViewForbidden, each with its reason in docs/performance.md. */
  firstViewAllowed?: string[]
}

export function readBudget(repo = REPO): Budget {
  return JSON.parse(readFileSync(join(repo, 'perf-budget.json'), 'utf8')) as Budget
}

/** "@deck.gl/*" matches "@deck.gl/core"; "src/presentation" matches "src/presentation/x" too. */
export function forbiddenMatch(pattern: string, origin: string): boolean {
  if (pattern.endsWith('/*')) return origin.startsWith(pattern.slice(0, -1))
  return origin === pattern || origin.startsWith(`${pattern}/`)
}

/** Which forbidden origins each first-view chunk carries. */
export function forbiddenInFirstView(
  chunks: Record<string, ChunkModules>,
  firstViewFiles: readonly string[],
  forbidden: readonly string[],
  allowed: readonly string[] = [],
): { file: string; origin: string }[] {
  const found: { file: string; origin: string }[] = []
  for (const file of firstViewFiles) {
    const chunk = chunks[file]
    if (!chunk) continue
    for (const origin of chunk.origins)
      if (
        forbidden.some((pattern) => forbiddenMatch(pattern, origin)) &&
        !allowed.some((pattern) => forbiddenMatch(pattern, origin))
      )
        found.push({ file, origin })
  }
  return found
}

/** The budget numbers as docs/performance.md's table states them ("| initial JS | 520 kB | … |"). */
export function budgetInDocs(markdown: string): Partial<Record<keyof Budget, number>> {
  const row = (label: string) => {
    const match = new RegExp(`^\\|\\s*${label}\\s*\\|\\s*([\\d.]+)`, 'm').exec(markdown)
    return match ? Number(match[1]) : undefined
  }
  return {
    initialJsKB: row('initial JS, kB gzip'),
    initialJsRatioToMaplibre: row('initial JS / maplibre-gl alone'),
    firstViewRequests: row('requests before the first idle'),
  }
}

function main() {
  const dist = resolve(process.argv[2] ?? join(REPO, 'dist'))
  const budget = readBudget()
  const problems: string[] = []
  const measured = measureInitialJs(dist, REPO)
  const ratio = measured.totalKB / measured.maplibreAloneKB
  console.log(
    `initial JS ${measured.totalKB.toFixed(1)} kB gzip (budget ${budget.initialJsKB}), ` +
      `maplibre-gl alone ${measured.maplibreAloneKB.toFixed(1)} kB, ratio ${ratio.toFixed(3)} ` +
      `(budget ${budget.initialJsRatioToMaplibre})`,
  )
  for (const f of measured.files) console.log(`  ${f.file} ${f.kB.toFixed(1)} kB`)
  if (measured.totalKB > budget.initialJsKB)
    problems.push(`initial JS is ${measured.totalKB.toFixed(1)} kB gzip, over the budget of ${budget.initialJsKB} kB`)
  if (ratio > budget.initialJsRatioToMaplibre)
    problems.push(`initial JS is ${ratio.toFixed(3)}× maplibre-gl alone, over ${budget.initialJsRatioToMaplibre}×`)

  const chunksFile = join(dist, '.vite/chunks.json')
  if (!existsSync(chunksFile)) problems.push(`${chunksFile} is missing: the build did not run the chunk-modules plugin`)
  else {
    const chunks = JSON.parse(readFileSync(chunksFile, 'utf8')) as Record<string, ChunkModules>
    const firstView = measured.files.map((f) => f.file).filter((file) => file.endsWith('.js'))
    for (const hit of forbiddenInFirstView(chunks, firstView, budget.firstViewForbidden, budget.firstViewAllowed))
      problems.push(
        `${hit.origin} is in the first view (${basename(hit.file)}): load it after the first view or on use`,
      )
  }

  const docs = budgetInDocs(readFileSync(join(REPO, 'docs/performance.md'), 'utf8'))
  for (const key of ['initialJsKB', 'initialJsRatioToMaplibre', 'firstViewRequests'] as const)
    if (docs[key] !== budget[key])
      problems.push(
        `perf-budget.json's ${key} is ${budget[key]} but docs/performance.md's budget table says ${docs[key]}: ` +
          'a changed number needs its line there',
      )

  if (problems.length) {
    console.error(`\nThe first-view budget is broken:\n- ${problems.join('\n- ')}`)
    process.exit(1)
  }
  console.log('first-view budget: met')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
