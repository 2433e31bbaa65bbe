/** The free area of the big screen: the subject is framed where no overlay lies, whatever its shape. */
import { describe, expect, test } from 'vitest'
import {
  contains,
  largestFreeBox,
  mercatorAspect,
  overlaps,
  paddingChanged,
  paddingFor,
  STAGE_BOX,
  type Box,
} from '../../../src/presentation/free-area'
import { stopSeries, districtMonthlyMean } from '../../../src/presentation/stop-series'
import type { TourStop } from '../../../src/presentation/tour-script'

const KPI_ROW: Box = { left: 0, top: 0, right: 1920, bottom: 220 }
const CAPTION: Box = { left: 24, top: 760, right: 1024, bottom: 996 }
const STATUS: Box = { left: 24, top: 1010, right: 1896, bottom: 1062 }
const PANEL: Box = { left: 1416, top: 250, right: 1896, bottom: 996 }

describe('largestFreeBox', () => {
  test('a wide subject gets the band between the KPI row and the caption, clear by the margin', () => {
    const free = largestFreeBox(STAGE_BOX, [KPI_ROW, CAPTION, STATUS], 3)!
    expect(free).toEqual({ left: 24, top: 244, right: 1896, bottom: 736 })
    for (const overlay of [KPI_ROW, CAPTION, STATUS]) expect(overlaps(free, overlay)).toBe(false)
    expect(contains(STAGE_BOX, free)).toBe(true)
  })

  test('a side panel takes the right-hand side away', () => {
    const free = largestFreeBox(STAGE_BOX, [KPI_ROW, CAPTION, STATUS, PANEL], 1)!
    expect(free.right).toBeLessThanOrEqual(PANEL.left - 24)
    expect(overlaps(free, PANEL)).toBe(false)
  })

  test('a tall subject may go beside the caption rather than above it', () => {
    const wide = largestFreeBox(STAGE_BOX, [KPI_ROW, CAPTION, STATUS], 4)!
    const tall = largestFreeBox(STAGE_BOX, [KPI_ROW, CAPTION, STATUS], 1)!
    expect(wide.bottom).toBe(736) // above the caption, full width
    expect(tall.left).toBe(1048) // right of the caption, down to the status bar
    expect(tall.bottom).toBe(986)
  })

  test('nothing free: null', () => {
    expect(largestFreeBox(STAGE_BOX, [STAGE_BOX], 1)).toBeNull()
  })
})

test('paddingFor, paddingChanged and mercatorAspect', () => {
  expect(paddingFor(STAGE_BOX, { left: 24, top: 244, right: 1896, bottom: 736 })).toEqual({
    top: 244,
    right: 24,
    bottom: 344,
    left: 24,
  })
  const a = { top: 1, right: 2, bottom: 3, left: 4 }
  expect(paddingChanged(a, { ...a, left: 6 })).toBe(false)
  expect(paddingChanged(a, { ...a, left: 7 })).toBe(true)
  expect(paddingChanged(null, a)).toBe(true)
  // Mercator stretches y by 1/cos(latitude): a square degree at 29.5°N is drawn narrower than tall.
  expect(mercatorAspect([119, 29, 120, 30])).toBeCloseTo(Math.cos((29.5 * Math.PI) / 180), 2)
})

describe('stopSeries', () => {
  const monthlyByArea = { a: { inspections: [1, 2], cases: [0, 1] }, b: { inspections: [3, 4], cases: [1, 1] } }
  const base = { id: 's', caption: { zh: '', en: '' }, durationSeconds: 10 }
  test('an enforcement stop: the district or its township, month by month', () => {
    const district = { ...base, target: { district: true }, indicator: 'inspections' } as TourStop
    expect(stopSeries(district, { monthlyByArea })?.values).toEqual([4, 6])
    const town = { ...base, target: { town: 'b' }, indicator: 'cases' } as TourStop
    expect(stopSeries(town, { monthlyByArea })?.values).toEqual([1, 1])
  })
  test('a category indicator or none: no chart', () => {
    expect(stopSeries({ ...base, target: { town: 'a' }, indicator: 'low-carbon' } as TourStop, { monthlyByArea })).toBe(
      null,
    )
    expect(stopSeries({ ...base, target: { district: true } } as TourStop, { monthlyByArea })).toBeNull()
  })
  test('a heatmap stop: the stations’ monthly mean', () => {
    const stations = {
      type: 'FeatureCollection' as const,
      features: [10, 20].map((v) => ({
        type: 'Feature' as const,
        properties: { kind: 'air', pm25: [v, v + 1] },
        geometry: { type: 'Point' as const, coordinates: [0, 0] },
      })),
    }
    expect(districtMonthlyMean(stations, 'pm25')).toEqual([15, 16])
    const stop = {
      ...base,
      target: { district: true },
      heatmap: { pollutant: 'pm25', fromMonth: 1, toMonth: 2, secondsPerMonth: 1 },
    } as TourStop
    expect(stopSeries(stop, { monthlyByArea, stations })).toMatchObject({ unit: 'μg/m³', values: [15, 16] })
  })
})
