/**
 * The ▶ of a month slider: while playing, `advance` is called every 1.2 s; stopped when the
 * component goes. The readings' slider and a user layer's month slider share it, so both play alike.
 */
import { onBeforeUnmount, ref } from 'vue'

export const PLAY_STEP_MS = 1200

export function useMonthPlayer(advance: () => void) {
  const playing = ref(false)
  let timer: ReturnType<typeof setInterval> | null = null
  function stop() {
    if (timer) clearInterval(timer)
    timer = null
    playing.value = false
  }
  /** Starts (after `beforeStart`, e.g. showing the layer) or stops the play. */
  function toggle(beforeStart?: () => void) {
    if (playing.value) return stop()
    beforeStart?.()
    playing.value = true
    timer = setInterval(advance, PLAY_STEP_MS)
  }
  onBeforeUnmount(stop)
  return { playing, toggle, stop }
}
