/**
 * What the map shows, in words, for the title card on the map (MapTitleCard), the exported picture
 * and the presentation: each thematic subject drawn now, top of the drawing first (the readings
 * surface, the inspection density, then the townships' choropleth), with its period, provenance and
 * a compact legend. Read from the stores, never kept: it always matches the map.
 */
import { computed, type ComputedRef } from 'vue'
import type { Provenance } from '../domain/types'
import { readingsLegend } from '../domain/air/pollutant-scale'
import { stationReadings } from '../domain/air/readings'
import { RAMP_STOPS, rampRangeOf } from '../domain/surface/ramp'
import { DENSITY_RAMP, rampHex } from '../domain/classification/density-ramp'
import { periodLabel } from '../domain/report/report-periods'
import { useDataStore } from '../stores/data'
import { useIndicatorsStore } from '../stores/indicators'
import { useLayersStore } from '../stores/layers'
import { useUserStylesStore } from '../stores/user-styles'
import { useLocaleText } from './use-locale-text'
import '../i18n/parts/after-first-view'

export interface MapSubject {
  kind: 'readings' | 'density' | 'choropleth' | 'user-layer'
  /** A user layer's id (its subject is one per layer); absent for the built-in subjects. */
  layerId?: string
  title: string
  /** The period the values cover ("2022年1月", "1–10月"); null where none is known (a user's column). */
  period: string | null
  provenance: Provenance
  /** A swatch and a short label each: the classes, the air-quality levels, or a ramp's two ends. */
  legend: { colour: string; label: string }[]
  unit: string
}

const ALL_KINDS = 3
const format = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1))

export function useMapTitle(): ComputedRef<MapSubject[]> {
  const layers = useLayersStore()
  const indicators = useIndicatorsStore()
  const data = useDataStore()
  const userStyles = useUserStylesStore()
  const { t, pick } = useLocaleText()
  const provenanceOf = (capability: 'readings' | 'inspections'): Provenance =>
    layers.metaWithCapability(capability)?.provenance === 'user' ? 'user' : 'sample'

  function readings(): MapSubject {
    const state = layers.heatmapState
    const year = Number(layers.dataWithCapability('readings')?.features[0]?.properties?.year) || 2022
    const legend = readingsLegend(state.pollutant)
    // The surface on a continuous ramp (HeatmapControls): its colours run over this month's station
    // range, so the card shows the ramp and that range, not the HJ 633 levels it is not painted in.
    const range =
      state.readingsStyle === 'surface' && state.readingsColouring === 'ramp'
        ? rampRangeOf(
            stationReadings(layers.dataWithCapability('readings') ?? undefined, state.pollutant, state.month).values,
          )
        : null
    const last = RAMP_STOPS.length - 1
    return {
      kind: 'readings',
      title: t('mapTitle.readings', { pollutant: t(`heatmap.pollutants.${state.pollutant}`) }),
      period: t('mapTitle.month', { year, month: state.month }),
      provenance: provenanceOf('readings'),
      legend: range
        ? RAMP_STOPS.map((rgb, i) => ({
            colour: rampHex(rgb),
            label: i === 0 ? format(range.min) : i === last ? format(range.max) : '',
          }))
        : legend.steps.map((step) => ({ colour: step.hex, label: `${step.from}–${step.to ?? ''}` })),
      unit: legend.unit,
    }
  }

  function density(): MapSubject {
    const state = layers.heatmapState
    const [from, to] = state.inspectionMonths
    const months = from === to ? t('mapTitle.month', { year: 2022, month: from }) : t('mapTitle.months', { from, to })
    // Only some kinds counted: the period line says which.
    const kinds = state.inspectionKinds.map((kind) => t(`heatmap.kinds.${kind}`)).join(t('mapTitle.and'))
    const last = DENSITY_RAMP.length - 1
    return {
      kind: 'density',
      title: t('heatmap.density'),
      period: state.inspectionKinds.length < ALL_KINDS ? `${months} · ${kinds}` : months,
      provenance: provenanceOf('inspections'),
      legend: DENSITY_RAMP.map((rgb, i) => ({
        colour: rampHex(rgb),
        label: i === 0 ? t('mapTitle.fewer') : i === last ? t('mapTitle.more') : '',
      })),
      unit: '',
    }
  }

  function choropleth(): MapSubject {
    const indicator = indicators.indicator
    const figure = data.figures.find((f) => indicator.reportFigureIds.includes(f.id))
    const unit = pick(indicator.unit)
    const legend = indicators.classification
      ? indicators.classification.classes.map((c) => ({ colour: c.colour, label: `${format(c.min)}–${format(c.max)}` }))
      : indicators.categories.map((c) => ({ colour: c.colour, label: pick(c.label) }))
    return {
      kind: 'choropleth',
      title: pick(indicator.label),
      period: figure ? pick(periodLabel(figure.period)) : null,
      provenance: indicator.provenance,
      legend,
      unit: indicators.classification ? unit : '',
    }
  }

  /**
   * A user's layer coloured by a column (categories or classes), as a built-in theme is: its name, the
   * user's badge and its legend; a layer of one colour shows no theme and is left to the legend.
   */
  function userLayer(id: string): MapSubject | null {
    const record = layers.record(id)
    const colour = userStyles.resolvedStyle(id)?.colour
    if (!record?.user || !record.visible || !colour || colour.kind === 'single') return null
    const legend =
      colour.kind === 'categories'
        ? [
            ...colour.entries.map((entry) => ({ colour: entry.colour, label: entry.value })),
            ...(colour.other ? [{ colour: colour.other.colour, label: t('userStyle.other') }] : []),
          ]
        : colour.classification.classes.map((c) => ({ colour: c.colour, label: `${format(c.min)}–${format(c.max)}` }))
    return {
      kind: 'user-layer',
      layerId: id,
      title: `${pick(record.spec.title)} · ${colour.column}`,
      period: null,
      provenance: 'user',
      legend,
      unit: '',
    }
  }

  return computed(() => {
    const subjects: MapSubject[] = []
    // The user's themed layers first: they are drawn over the built-in ones.
    for (const record of layers.listed) {
      const subject = record.user ? userLayer(record.spec.id) : null
      if (subject) subjects.push(subject)
    }
    if (layers.firstWithCapability('readingsSurface')?.visible) subjects.push(readings())
    if (layers.firstWithCapability('inspectionDensity')?.visible) subjects.push(density())
    const area = layers.areaLayer
    if (area?.visible && area.choropleth?.coloured && area.data) subjects.push(choropleth())
    return subjects
  })
}
