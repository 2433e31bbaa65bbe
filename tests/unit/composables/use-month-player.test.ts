// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { PLAY_STEP_MS, useMonthPlayer } from '../../../src/composables/use-month-player'

afterEach(() => vi.useRealTimers())

function mountPlayer(advance: () => void) {
  let player!: ReturnType<typeof useMonthPlayer>
  const wrapper = mount(
    defineComponent({
      setup() {
        player = useMonthPlayer(advance)
        return () => h('div')
      },
    }),
  )
  return { wrapper, player }
}

describe('the month player shared by the readings and user layers', () => {
  test('advances once per step while playing, after its start hook; stops on toggle and on unmount', () => {
    vi.useFakeTimers()
    const advance = vi.fn()
    const beforeStart = vi.fn()
    const { wrapper, player } = mountPlayer(advance)
    player.toggle(beforeStart)
    expect(player.playing.value).toBe(true)
    expect(beforeStart).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(PLAY_STEP_MS * 3)
    expect(advance).toHaveBeenCalledTimes(3)
    player.toggle(beforeStart)
    expect(player.playing.value).toBe(false)
    vi.advanceTimersByTime(PLAY_STEP_MS * 3)
    expect(advance).toHaveBeenCalledTimes(3)
    expect(beforeStart).toHaveBeenCalledTimes(1)
    player.toggle()
    wrapper.unmount()
    vi.advanceTimersByTime(PLAY_STEP_MS * 3)
    expect(advance).toHaveBeenCalledTimes(3)
  })
})
