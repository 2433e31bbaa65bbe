/**
 * Figure 2: counting 1,000,000 points into the 11 townships in the browser: the town grid index in
 * the aggregation worker (index build, copy and transfer included) against a naive
 * turf.booleanPointInPolygon loop on the main thread. See bench/pages/aggregate.ts.
 */
import { openSession } from '../../tests/e2e/support/browser'
import { benchReady } from '../support/page'
import { measured, ratioOf, type FigureContext, type FigureReport } from '../support/report'
import { round } from '../support/stats'

interface AggregateDetail {
  count: number
  subset: number
  repeats: number
  gridTotalsMs: number[]
  grid: { totalMs: number; townsMs: number; batchMs: number; countMs: number; workerMs: number; refilterMs: number }
  gridSubset: { totalMs: number }
  naiveSubsetMs: number
  naiveFullMs: number | null
  naiveScaled: boolean
  naiveFullEstimateMs: number
  subsetCountsIdentical: boolean
  fullCountsIdentical: boolean | null
  naiveSubsetCounts: number[]
  gridSubsetCounts: number[]
  codes: string[]
}

export async function aggregationFigure(context: FigureContext): Promise<FigureReport> {
  context.log('figure 2: township aggregation, grid index in a worker vs naive turf')
  const session = await openSession(context.benchUrl)
  try {
    await session.page.goto(`${context.benchUrl}aggregate.html`)
    const ready = await benchReady<AggregateDetail>(session.page, 180_000)
    if (!ready.ok) throw new Error(`aggregate page ${ready.reason}: ${ready.message}`)
    const detail = ready.detail
    const ours = measured(round(detail.grid.totalMs), 'ms')
    const baseline = measured(
      round(detail.naiveFullEstimateMs),
      'ms',
      detail.naiveScaled
        ? `scaled ×${detail.count / detail.subset} from ${detail.subset.toLocaleString('en')} pts`
        : undefined,
    )
    const ratio = ratioOf(ours, baseline)
    const identical = detail.subsetCountsIdentical && detail.fullCountsIdentical !== false
    context.log(
      `  → grid ${ours.value} ms, naive ${baseline.value} ms${detail.naiveScaled ? ' (scaled)' : ''}, ` +
        `counts identical: ${identical}`,
    )
    return {
      id: 'aggregation',
      title: 'Aggregating 1,000,000 points into the 11 townships',
      rows: [
        {
          figure: '2 aggregate 1M',
          measure: 'grid index in worker vs naive turf loop',
          ours,
          baseline,
          ratio,
          target: '≤ 0.05× (≥ 20× faster)',
          met: ratio === null ? null : ratio <= 0.05,
        },
      ],
      notes: [
        `Grid total = setTowns (index build) ${round(detail.grid.townsMs)} ms + ` +
          `setBatch (copy + transfer) ${round(detail.grid.batchMs)} ms + ` +
          `countByTown ${round(detail.grid.countMs)} ms (worker's own time ${round(detail.grid.workerMs)} ms).`,
        `Median of ${detail.repeats} runs each; ` +
          `grid totals (ms): ${detail.gridTotalsMs.map((ms) => round(ms)).join(', ')}.`,
        `Counting again with a month filter (points' towns cached): ${round(detail.grid.refilterMs)} ms.`,
        detail.naiveScaled
          ? `Naive loop run on a ${detail.subset.toLocaleString('en')}-point subset ` +
            `(${round(detail.naiveSubsetMs)} ms) and scaled to 1M.`
          : `Naive loop run on all ${detail.count.toLocaleString('en')} points ` +
            `(${round(detail.naiveFullMs ?? 0)} ms; ` +
            `${detail.subset.toLocaleString('en')}-point subset ${round(detail.naiveSubsetMs)} ms).`,
        `Counts identical on the ${detail.subset.toLocaleString('en')}-point subset: ` +
          `${detail.subsetCountsIdentical ? 'yes' : 'NO'}` +
          (detail.fullCountsIdentical === null ? '' : `; on all points: ${detail.fullCountsIdentical ? 'yes' : 'NO'}`) +
          '.',
      ],
      details: { ...detail, identical },
    }
  } finally {
    await session.close()
  }
}
