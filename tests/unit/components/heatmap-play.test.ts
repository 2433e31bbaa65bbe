// @vitest-environment happy-dom
/** The readings' ▶: it turns the readings on and steps the month, October wrapping to January. */
import { afterEach, describe, expect, test, vi } from 'vitest'
import { useLayersStore } from '../../../src/stores/layers'
import { PLAY_STEP_MS } from '../../../src/composables/use-month-player'
import { mountIn, useFreshApp } from '../support/app'

import HeatmapControls from '../../../src/components/HeatmapControls.vue'
useFreshApp()
afterEach(() => vi.useRealTimers())

describe('the readings month slider plays', () => {
  test('▶ shows the readings and steps the month; ❚❚ stops it', async () => {
    vi.useFakeTimers()
    const layers = useLayersStore()
    layers.setHeatmapState({ month: 9 })
    const wrapper = mountIn(HeatmapControls)
    await wrapper.get('[data-testid="month-play"]').trigger('click')
    expect(layers.heatmapState.readings).toBe(true)
    vi.advanceTimersByTime(PLAY_STEP_MS)
    expect(layers.heatmapState.month).toBe(10)
    vi.advanceTimersByTime(PLAY_STEP_MS)
    expect(layers.heatmapState.month).toBe(1)
    await wrapper.get('[data-testid="month-play"]').trigger('click')
    vi.advanceTimersByTime(PLAY_STEP_MS * 3)
    expect(layers.heatmapState.month).toBe(1)
    wrapper.unmount()
  })
})
