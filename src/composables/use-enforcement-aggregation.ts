/**
 * Inspections and cases, aggregated off the main thread: the worker (src/workers/aggregation-*) places
 * every point in its township over a grid index, and answers the month/kind filters of the
 * inspection density. Its counts feed the indicators store, so the density layer, the township
 * choropleth and the area panel always show the same numbers.
 */
import { onScopeDispose, watch } from 'vue'
import { AggregationClient } from '../workers/aggregation-client'
import { useIndicatorsStore } from '../stores/indicators'
import { useLayersStore } from '../stores/layers'

/** Point kinds as the worker sees them (one byte each). */
export const ENFORCEMENT_KIND = { inspection: 0, case: 1, transferred: 2 } as const
const BATCH = 'inspections'

function monthRange([from, to]: [number, number]): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

export function useEnforcementAggregation() {
  const layers = useLayersStore()
  const indicators = useIndicatorsStore()
  let client: AggregationClient | null = null
  let ready: Promise<void> = Promise.resolve()

  const getClient = () => (client ??= AggregationClient.create())

  watch(
    () => [indicators.areas, layers.dataWithCapability('inspections')] as const,
    ([towns, enforcement]) => {
      if (!towns.length || !enforcement) return
      const count = enforcement.features.length
      const positions = new Float64Array(count * 2)
      const months = new Uint8Array(count)
      const kinds = new Uint8Array(count)
      enforcement.features.forEach((f, i) => {
        const coordinates = f.geometry?.type === 'Point' ? f.geometry.coordinates : [NaN, NaN]
        positions[2 * i] = coordinates[0]!
        positions[2 * i + 1] = coordinates[1]!
        months[i] = Number(f.properties?.month) || 0
        const caseType = f.properties?.case_type
        kinds[i] =
          f.properties?.kind === 'case'
            ? caseType === 'police' || caseType === 'admin-bureau'
              ? ENFORCEMENT_KIND.transferred
              : ENFORCEMENT_KIND.case
            : ENFORCEMENT_KIND.inspection
      })
      const worker = getClient()
      ready = worker.setTowns([...towns]).then(() => worker.setBatch({ id: BATCH, positions, months, kinds }))
      void refresh()
    },
    { immediate: true },
  )

  watch(
    () => layers.heatmapState.inspectionMonths,
    () => void refresh(),
  )
  watch(
    () => [layers.heatmapState.inspectionKinds, layers.heatmapState.inspections] as const,
    () => void refreshDensity(),
  )

  /** Township counts of inspections and of cases (transferred or not) over the chosen months. */
  async function refresh() {
    if (!client) return
    await ready
    const months = monthRange(layers.heatmapState.inspectionMonths)
    const [inspections, cases, monthlyInspections, monthlyCases] = await Promise.all([
      client.countByTown(BATCH, { months, kinds: [ENFORCEMENT_KIND.inspection] }),
      client.countByTown(BATCH, { months, kinds: [ENFORCEMENT_KIND.case, ENFORCEMENT_KIND.transferred] }),
      client.monthlyByTown(BATCH, { kinds: [ENFORCEMENT_KIND.inspection] }),
      client.monthlyByTown(BATCH, { kinds: [ENFORCEMENT_KIND.case, ENFORCEMENT_KIND.transferred] }),
    ])
    const asRecord = (r: { codes: string[]; counts: number[] }) =>
      Object.fromEntries(r.codes.map((code, i) => [code, r.counts[i]!]))
    indicators.setEnforcementAggregate({
      months: layers.heatmapState.inspectionMonths,
      inspections: asRecord(inspections),
      cases: asRecord(cases),
      monthly: Object.fromEntries(
        Object.keys(monthlyInspections).map((code) => [
          code,
          { inspections: monthlyInspections[code]!, cases: monthlyCases[code] ?? [] },
        ]),
      ),
    })
    await refreshDensity()
  }

  async function refreshDensity() {
    if (!client || !layers.heatmapState.inspections) return
    await ready
    const kinds = [
      ...new Set(
        layers.heatmapState.inspectionKinds.flatMap((k) =>
          k === 'case' ? [ENFORCEMENT_KIND.case, ENFORCEMENT_KIND.transferred] : [ENFORCEMENT_KIND[k]],
        ),
      ),
    ]
    const filter = { months: monthRange(layers.heatmapState.inspectionMonths), kinds }
    const [positions, counts] = await Promise.all([
      client.filteredPositions(BATCH, filter),
      client.countByTown(BATCH, filter),
    ])
    indicators.setDensity(
      positions,
      counts.counts.reduce((a, b) => a + b, counts.outside),
    )
  }

  // With the scope that started it: the app's (src/modules/aggregation.ts), or a test's component.
  onScopeDispose(() => {
    client?.dispose()
    client = null
  })
}
