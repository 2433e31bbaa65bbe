/**
 * Figure 2's page: 1,000,000 bulk readings counted per township, two ways, in the browser.
 *  - grid: the app's AggregationClient (worker + town grid index), timed from the main thread:
 *    setTowns (index build) + setBatch (copy and transfer) + countByTown;
 *  - naive: turf.booleanPointInPolygon against each town in list order, on the main thread.
 * The naive loop runs on a 100k subset; on all points only when the subset took under
 * NAIVE_FULL_LIMIT_MS (otherwise its 1M time is the subset time scaled, and says so).
 * Full-size runs are repeated REPEATS times; the median run is reported.
 */
import { booleanPointInPolygon } from '@turf/turf'
import type { FeatureCollection } from 'geojson'
import { townAreasFrom, type TownArea } from '../../src/domain/geometry/aggregate'
import { generateBulkReadings } from '../../src/domain/samples/bulk-points'
import { AggregationClient } from '../../src/workers/aggregation-client'
import { DISTRICT_BBOX, exposeBench, fetchJson, seatPositions } from './shared/bench-map'

const COUNT = 1_000_000
const SUBSET = 100_000
const NAIVE_FULL_LIMIT_MS = 1500
/** Each way is timed this many times and the median run reported: the machine may be busy. */
const REPEATS = 3

function medianBy<T>(runs: T[], key: (run: T) => number): T {
  return [...runs].sort((a, b) => key(a) - key(b))[Math.floor(runs.length / 2)]!
}

function naiveCounts(towns: readonly TownArea[], positions: Float64Array, pointCount: number): number[] {
  const counts = new Array<number>(towns.length + 1).fill(0)
  for (let i = 0; i < pointCount; i++) {
    const point = [positions[2 * i]!, positions[2 * i + 1]!]
    const town = towns.findIndex((candidate) => booleanPointInPolygon(point, candidate.geometry))
    counts[town === -1 ? towns.length : town]!++
  }
  return counts
}

async function gridCounts(
  client: AggregationClient,
  towns: TownArea[],
  id: string,
  positions: Float64Array,
  months: Uint8Array,
) {
  const started = performance.now()
  await client.setTowns(towns)
  const townsMs = performance.now() - started
  await client.setBatch({ id, positions, months })
  const batchMs = performance.now() - started - townsMs
  const result = await client.countByTown(id)
  const totalMs = performance.now() - started
  // A second count with a month filter reuses the points' towns, as the UI's month slider does.
  const refilterStarted = performance.now()
  await client.countByTown(id, { months: [1, 2, 3] })
  const refilterMs = performance.now() - refilterStarted
  // Drop the batch so repeated runs do not pile up a million points each in the worker.
  await client.deleteBatch(id)
  return {
    counts: [...result.counts, result.outside],
    totalMs,
    townsMs,
    batchMs,
    countMs: totalMs - townsMs - batchMs,
    workerMs: result.ms,
    refilterMs,
  }
}

async function run(): Promise<Record<string, unknown>> {
  const towns = townAreasFrom(await fetchJson<FeatureCollection>('./geo/towns.geojson'))
  const readings = generateBulkReadings({ count: COUNT, bbox: DISTRICT_BBOX, centres: await seatPositions() })
  const client = AggregationClient.create()
  // Start the worker (module load) before timing: the app creates it once, early.
  await client.setTowns(towns)

  const gridRuns = []
  for (let run = 0; run < REPEATS; run++)
    gridRuns.push(await gridCounts(client, towns, `all-${run}`, readings.positions, readings.months))
  const grid = medianBy(gridRuns, (run) => run.totalMs)
  const subsetPositions = readings.positions.subarray(0, SUBSET * 2)
  const gridSubset = await gridCounts(client, towns, 'subset', subsetPositions, readings.months.subarray(0, SUBSET))

  let started = performance.now()
  const naiveSubset = naiveCounts(towns, subsetPositions, SUBSET)
  const naiveSubsetMs = performance.now() - started
  let naiveFull: number[] | null = null
  let naiveFullMs: number | null = null
  if (naiveSubsetMs < NAIVE_FULL_LIMIT_MS) {
    const naiveRuns: { counts: number[]; ms: number }[] = []
    for (let run = 0; run < REPEATS; run++) {
      started = performance.now()
      const counts = naiveCounts(towns, readings.positions, COUNT)
      naiveRuns.push({ counts, ms: performance.now() - started })
    }
    const middle = medianBy(naiveRuns, (run) => run.ms)
    naiveFull = middle.counts
    naiveFullMs = middle.ms
  }
  client.dispose()
  return {
    count: COUNT,
    subset: SUBSET,
    repeats: REPEATS,
    grid,
    gridTotalsMs: gridRuns.map((run) => run.totalMs),
    gridSubset,
    naiveSubsetMs,
    naiveFullMs,
    naiveScaled: naiveFullMs === null,
    naiveFullEstimateMs: naiveFullMs ?? (naiveSubsetMs * COUNT) / SUBSET,
    subsetCountsIdentical: JSON.stringify(naiveSubset) === JSON.stringify(gridSubset.counts),
    fullCountsIdentical: naiveFull === null ? null : JSON.stringify(naiveFull) === JSON.stringify(grid.counts),
    naiveSubsetCounts: naiveSubset,
    gridSubsetCounts: gridSubset.counts,
    gridCounts: grid.counts,
    codes: towns.map((town) => town.code),
  }
}

exposeBench({ ready: run() })
