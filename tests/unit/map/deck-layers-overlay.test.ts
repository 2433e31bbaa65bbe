/**
 * The first view's stand-in for the deck.gl heatmaps: it loads the drawing code only when there is
 * something to draw, or in idle time after the first view, and hands it the latest of what was asked.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { IdleScheduler } from '../../../src/map/browser-idle'
import type { HeatmapSpec } from '../../../src/map/deck-layers-overlay'

const drawers: FakeDrawer[] = []
class FakeDrawer {
  sets: HeatmapSpec[] = []
  warmedWith: IdleScheduler | null = null
  stopped = false
  constructor() {
    drawers.push(this)
  }
  set(spec: HeatmapSpec) {
    this.sets.push(spec)
    return Promise.resolve()
  }
  setUserPoints() {
    return Promise.resolve()
  }
  prepare() {
    return Promise.resolve()
  }
  warmWhenIdle(whenIdle: IdleScheduler) {
    this.warmedWith = whenIdle
  }
  programsWarmed() {
    return true
  }
  stop() {
    this.stopped = true
  }
  pickUserPoint() {
    return { draw: 'picked', index: 0 }
  }
  hexagonBinTotal() {
    return Promise.resolve(42)
  }
}
vi.mock('../../../src/map/deck-heatmaps', () => ({ DeckHeatmaps: FakeDrawer }))

const map = {} as MapLibreMap
const NOTHING: HeatmapSpec = { readings: null, inspections: null }
const readings = (opacity: number): HeatmapSpec => ({
  readings: { positions: new Float64Array(2), values: new Float32Array(1), pollutant: 'pm25', opacity },
  inspections: null,
})

async function overlay() {
  const { HeatmapOverlay } = await import('../../../src/map/deck-layers-overlay')
  return new HeatmapOverlay(
    map,
    () => 'WGS84',
    () => {},
  )
}

beforeEach(() => {
  drawers.length = 0
})

describe('HeatmapOverlay (the stand-in)', () => {
  it('loads nothing while there is nothing to draw, and answers for the drawer it does not have', async () => {
    const heatmaps = await overlay()
    await heatmaps.set(NOTHING)
    await heatmaps.setUserPoints([])
    expect(drawers).toHaveLength(0)
    expect(heatmaps.programsWarmed()).toBe(false)
    expect(heatmaps.pickUserPoint(119.7, 29.1, 0.01, 0.01)).toBeNull()
    await expect(heatmaps.hexagonBinTotal()).resolves.toBeNull()
  })

  it('loads the drawer once for a heatmap, and hands it the latest spec', async () => {
    const heatmaps = await overlay()
    const first = heatmaps.set(readings(0.5))
    const second = heatmaps.set(readings(0.9))
    await Promise.all([first, second])
    expect(drawers).toHaveLength(1)
    expect(drawers[0]!.sets.map((s) => s.readings?.opacity)).toEqual([0.9, 0.9])
    expect(heatmaps.programsWarmed()).toBe(true)
    await expect(heatmaps.hexagonBinTotal()).resolves.toBe(42)
    expect(heatmaps.pickUserPoint(119.7, 29.1, 0.01, 0.01)).toEqual({ draw: 'picked', index: 0 })
  })

  it('in idle time: nothing until the browser is idle, then the drawer warms deck.gl', async () => {
    const heatmaps = await overlay()
    const tasks: (() => void)[] = []
    const schedule: IdleScheduler = (task) => {
      tasks.push(task)
      return () => tasks.splice(tasks.indexOf(task), 1)
    }
    heatmaps.warmWhenIdle(schedule)
    expect(drawers).toHaveLength(0)
    tasks.shift()!()
    await vi.waitFor(() => expect(drawers[0]?.warmedWith).toBe(schedule))
  })

  it('stopped before the idle period: nothing loads; stopped while loading: the drawer arrives stopped', async () => {
    const idle = await overlay()
    const tasks: (() => void)[] = []
    idle.warmWhenIdle((task) => {
      tasks.push(task)
      return () => tasks.splice(tasks.indexOf(task), 1)
    })
    idle.stop()
    expect(tasks).toHaveLength(0)
    const loading = await overlay()
    const drawn = loading.set(readings(1))
    loading.stop()
    await drawn
    expect(drawers).toHaveLength(1)
    expect(drawers[0]!.stopped).toBe(true)
  })
})
