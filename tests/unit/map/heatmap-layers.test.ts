import { describe, expect, it } from 'vitest'
import { AQI_LEVELS, iaqi, type AirPollutant } from '../../../src/domain/air/aqi'
import {
  readingsColourOf,
  readingsColourScale,
  readingsLegend,
  type ReadingsPollutant,
} from '../../../src/domain/air/pollutant-scale'
import {
  hexagonCount,
  inspectionHeatmapLayer,
  inspectionHexagonLayer,
  positionPairs,
  readingsHeatmapLayer,
} from '../../../src/map/heatmap-layers'
import type { PickingInfo } from '@deck.gl/core'

/** HJ 633-2012 table 1: concentrations where the levels 优 良 轻度 中度 重度 严重 start. */
const HJ633_LEVEL_STARTS: Record<ReadingsPollutant, number[]> = {
  pm25: [0, 35, 75, 115, 150, 250],
  pm10: [0, 50, 150, 250, 350, 420],
  // The 8-hour O3 table stops at 800 μg/m³ (IAQI 300): no 严重 level from 8-hour values.
  o3_8h: [0, 100, 160, 215, 265],
  aqi: [0, 50, 100, 150, 200, 300],
}

const POLLUTANTS = Object.keys(HJ633_LEVEL_STARTS) as ReadingsPollutant[]

function rgbOfLevel(index: number): number[] {
  return [...AQI_LEVELS[index]!.rgb]
}

describe('readings legend', () => {
  for (const pollutant of POLLUTANTS) {
    it(`${pollutant}: breakpoints and colours follow HJ 633`, () => {
      const legend = readingsLegend(pollutant)
      const starts = HJ633_LEVEL_STARTS[pollutant]
      expect(legend.steps.map((step) => step.from)).toEqual(starts)
      expect(legend.steps.map((step) => step.to)).toEqual([...starts.slice(1), null])
      expect(legend.steps.map((step) => step.hex)).toEqual(AQI_LEVELS.slice(0, starts.length).map((level) => level.hex))
      expect(legend.steps.map((step) => step.zh)).toEqual(AQI_LEVELS.slice(0, starts.length).map((level) => level.zh))
      expect(legend.unit).toBe(pollutant === 'aqi' ? 'AQI' : 'μg/m³')
    })
  }

  it('starts each pollutant level where its IAQI crosses the AQI level bound', () => {
    for (const pollutant of ['pm25', 'pm10', 'o3_8h'] as AirPollutant[]) {
      for (const step of readingsLegend(pollutant).steps.slice(1)) {
        // At the breakpoint the IAQI is the upper bound of the previous level; just above it, this level.
        expect(iaqi(pollutant, step.from)).toBe(AQI_LEVELS[step.level - 2]!.max)
        expect(iaqi(pollutant, step.from + 1)).toBeGreaterThanOrEqual(AQI_LEVELS[step.level - 1]!.min)
      }
    }
  })
})

describe('readings colour scale', () => {
  it('is fixed per pollutant: the top of the HJ 633 table, one colour per unit', () => {
    expect(readingsColourScale('pm25').colorDomain).toEqual([1, 500])
    expect(readingsColourScale('pm10').colorDomain).toEqual([1, 600])
    expect(readingsColourScale('o3_8h').colorDomain).toEqual([1, 800])
    expect(readingsColourScale('aqi').colorDomain).toEqual([1, 500])
    for (const pollutant of POLLUTANTS) {
      const scale = readingsColourScale(pollutant)
      expect(scale.colorRange.length).toBe(scale.colorDomain[1])
      // The same arrays every time, so deck.gl keeps its colour texture.
      expect(readingsColourScale(pollutant)).toBe(scale)
    }
  })

  it('changes colour exactly at the breakpoints', () => {
    for (const pollutant of POLLUTANTS) {
      HJ633_LEVEL_STARTS[pollutant].forEach((start, level) => {
        if (level > 0)
          expect(readingsColourOf(pollutant, start - 0.25), `${pollutant} below ${start}`).toEqual(
            rgbOfLevel(level - 1),
          )
        expect(readingsColourOf(pollutant, start + 0.25), `${pollutant} above ${start}`).toEqual(rgbOfLevel(level))
        // Exactly on the breakpoint: still the lower level (PM2.5 35 is 优, 75 良; O3 160 良).
        if (level > 0)
          expect(readingsColourOf(pollutant, start), `${pollutant} at ${start}`).toEqual(rgbOfLevel(level - 1))
      })
    }
    // Beyond the top of the table the last colour holds.
    expect(readingsColourOf('pm25', 10_000)).toEqual(rgbOfLevel(5))
    expect(readingsColourOf('o3_8h', 10_000)).toEqual(rgbOfLevel(4))
  })
})

describe('deck.gl layer factories (constructed in node, no GL context)', () => {
  const positions = Float64Array.from([119.7, 29.1, 119.8, 29.2, 119.9, 29.15])
  const values = Float32Array.from([20, 80, 300])

  it('readings heatmap: MEAN of the values, with the fixed domain whatever the data', () => {
    const low = readingsHeatmapLayer({ id: 'r', points: { positions, values }, pollutant: 'pm25', opacity: 0.8 })
    const high = readingsHeatmapLayer({
      id: 'r',
      points: { positions, values: Float32Array.from([400, 450, 500]) },
      pollutant: 'pm25',
      opacity: 0.8,
    })
    for (const layer of [low, high]) {
      expect(layer.props.aggregation).toBe('MEAN')
      expect(layer.props.intensity).toBe(1)
      expect(layer.props.colorDomain).toEqual([1, 500])
      expect(layer.props.colorRange).toBe(readingsColourScale('pm25').colorRange)
      expect(layer.props.opacity).toBe(0.8)
    }
    // The binary data object is reused for the same arrays (deck.gl compares data by identity).
    const again = readingsHeatmapLayer({ id: 'r', points: { positions, values }, pollutant: 'pm25', opacity: 0.3 })
    expect(again.props.data).toBe(low.props.data)
    expect(
      readingsHeatmapLayer({ id: 'r', points: { positions, values }, pollutant: 'o3_8h', opacity: 1 }).props
        .colorDomain,
    ).toEqual([1, 800])
  })

  it('readings heatmap: accepts [lng, lat] arrays and refuses mismatched values', () => {
    const layer = readingsHeatmapLayer({
      id: 'r',
      points: { positions: positionPairs(positions), values },
      pollutant: 'aqi',
      opacity: 1,
    })
    expect(layer.props.data).toHaveLength(3)
    expect(() =>
      readingsHeatmapLayer({
        id: 'r',
        points: { positions, values: new Float32Array(2) },
        pollutant: 'pm10',
        opacity: 1,
      }),
    ).toThrow(/2 values for 3 points/)
  })

  it('inspection heatmap: counts (SUM of weight 1)', () => {
    const layer = inspectionHeatmapLayer({ id: 'i', positions, opacity: 1 })
    expect(layer.props.aggregation).toBe('SUM')
    expect(layer.props.getWeight).toBe(1)
  })

  it('inspection hexagons: CPU-aggregated counts, 800 m, pickable, plain array data', () => {
    const layer = inspectionHexagonLayer({ id: 'h', positions, opacity: 1 })
    expect(layer.props.gpuAggregation).toBe(false)
    expect(layer.props.radius).toBe(800)
    expect(layer.props.pickable).toBe(true)
    expect(layer.props.colorAggregation).toBe('SUM')
    expect(layer.props.getColorWeight).toBe(1)
    expect(layer.props.data).toEqual([
      [119.7, 29.1],
      [119.8, 29.2],
      [119.9, 29.15],
    ])
    expect(positionPairs(positions)).toBe(layer.props.data)
  })

  it('reads the hovered bin count from info.object.count', () => {
    const info = {
      object: { col: 1, row: 2, count: 7, colorValue: 7, elevationValue: 7, position: [0, 0] },
    } as unknown as PickingInfo
    expect(hexagonCount(info)).toBe(7)
    expect(hexagonCount({ object: null } as unknown as PickingInfo)).toBeNull()
  })
})
