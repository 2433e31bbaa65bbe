/**
 * DeckHeatmaps.warmWhenIdle: deck.gl is loaded and its programs linked in idle time, one warm-up
 * layer per idle period, silently; a dropped file (prepare) links what is left at once.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { warmUpDraws } from '../../../src/map/shader-warm-up'
import type { IdleScheduler } from '../../../src/map/browser-idle'

const created = { count: 0, fail: false, discarded: 0 }
const warmCalls: string[][] = []

vi.mock('../../../src/map/deck-overlay', () => ({
  createDeckOverlay: () => {
    created.count++
    if (created.fail) return Promise.reject(new Error('Failed to fetch dynamically imported module'))
    return Promise.resolve({
      setLayers: () => {},
      warm: (layers: { id: string }[]) => {
        warmCalls.push(layers.map((layer) => layer.id))
        return Promise.resolve()
      },
      remove: () => {},
      discard: () => created.discarded++,
      binTotal: () => null,
    })
  },
}))

/** Idle periods run one at a time, when the test says. */
function idleQueue() {
  const tasks: (() => void)[] = []
  const schedule: IdleScheduler = (task) => {
    tasks.push(task)
    return () => {
      const at = tasks.indexOf(task)
      if (at >= 0) tasks.splice(at, 1)
    }
  }
  const runOne = async () => {
    const task = tasks.shift()
    task?.()
    // Let the step's promises (module load, the warm-up frame) settle.
    for (let i = 0; i < 20; i++) await Promise.resolve()
    await new Promise((resolve) => setTimeout(resolve, 0))
    return task !== undefined
  }
  return { schedule, runOne, pending: () => tasks.length }
}

/** A map with a container to dispatch context events on, and MapLibre's on/off for 'webglcontextrestored'. */
function fakeMap() {
  const container = new EventTarget()
  const handlers = new Map<string, () => void>()
  const map = {
    getContainer: () => container,
    on: (type: string, handler: () => void) => handlers.set(type, handler),
    off: (type: string) => handlers.delete(type),
  } as unknown as MapLibreMap
  return {
    map,
    loseContext: () => container.dispatchEvent(new Event('webglcontextlost')),
    restoreContext: () => handlers.get('webglcontextrestored')?.(),
  }
}

async function overlay(map = fakeMap().map) {
  const { DeckHeatmaps } = await import('../../../src/map/deck-heatmaps')
  return new DeckHeatmaps(
    map,
    () => 'WGS84',
    () => {},
  )
}

const WARM_UP_COUNT = warmUpDraws().length

describe('DeckHeatmaps.warmWhenIdle', () => {
  beforeEach(() => {
    created.count = 0
    created.fail = false
    created.discarded = 0
    warmCalls.length = 0
  })

  it('loads nothing until the browser is idle, then links one warm-up layer per idle period', async () => {
    const heatmaps = await overlay()
    const idle = idleQueue()
    heatmaps.warmWhenIdle(idle.schedule)
    expect(created.count).toBe(0)
    let periods = 0
    while (await idle.runOne()) {
      periods++
      expect(warmCalls).toHaveLength(periods)
      expect(warmCalls[periods - 1]).toHaveLength(1)
      expect(heatmaps.programsWarmed()).toBe(periods === WARM_UP_COUNT)
    }
    expect(periods).toBe(WARM_UP_COUNT)
    expect(created.count).toBe(1)
    expect(new Set(warmCalls.flat()).size).toBe(WARM_UP_COUNT)
  })

  it('a dropped file links what is left in one go, and idle time then has nothing to do', async () => {
    const heatmaps = await overlay()
    const idle = idleQueue()
    heatmaps.warmWhenIdle(idle.schedule)
    await idle.runOne()
    await idle.runOne()
    await heatmaps.prepare()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(warmCalls.map((call) => call.length)).toEqual([1, 1, WARM_UP_COUNT - 2])
    expect(heatmaps.programsWarmed()).toBe(true)
    while (await idle.runOne());
    expect(warmCalls).toHaveLength(3)
  })

  it('a failed load in idle time is silent, stops, and the next need loads again', async () => {
    created.fail = true
    const heatmaps = await overlay()
    const idle = idleQueue()
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      heatmaps.warmWhenIdle(idle.schedule)
      await idle.runOne()
      expect(idle.pending()).toBe(0)
      expect(unhandled).not.toHaveBeenCalled()
      created.fail = false
      await heatmaps.prepare()
      expect(created.count).toBe(2)
      await new Promise((resolve) => setTimeout(resolve, 0))
      expect(heatmaps.programsWarmed()).toBe(true)
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })

  it('a lost WebGL context discards the overlay; on restore a new one is made and linked again', async () => {
    const context = fakeMap()
    const heatmaps = await overlay(context.map)
    const idle = idleQueue()
    heatmaps.warmWhenIdle(idle.schedule)
    while (await idle.runOne());
    expect(heatmaps.programsWarmed()).toBe(true)
    context.loseContext()
    expect(created.discarded).toBe(1)
    expect(heatmaps.programsWarmed()).toBe(false)
    context.restoreContext()
    warmCalls.length = 0
    while (await idle.runOne());
    expect(created.count).toBe(2)
    expect(warmCalls).toHaveLength(WARM_UP_COUNT)
    expect(heatmaps.programsWarmed()).toBe(true)
  })

  it('stops when the map is removed', async () => {
    const heatmaps = await overlay()
    const idle = idleQueue()
    heatmaps.warmWhenIdle(idle.schedule)
    await idle.runOne()
    heatmaps.stop()
    expect(idle.pending()).toBe(0)
    expect(warmCalls).toHaveLength(1)
  })
})
