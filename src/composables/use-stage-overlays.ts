/**
 * Measures what presentation mode lays over the map — every element of the stage marked
 * `data-overlay` (KPI row, caption, stop chart, side panel, status bar, corner controls) and the
 * map's own bottom controls and provenance strip — as boxes in stage pixels. A ResizeObserver and
 * the window's resize tell `onChange` when any of them changes, so the camera can be framed again.
 */
import { onBeforeUnmount, onMounted, type Ref } from 'vue'
import { STAGE_SIZE } from '../presentation/stage-scale'
import type { Box } from '../presentation/free-area'

/** Laid over the map but not inside the stage element: the map's own controls and notice strip. */
const MAP_OVERLAYS = ['.maplibregl-ctrl-bottom-left', '.maplibregl-ctrl-bottom-right', '[data-testid="map-notice"]']

export function useStageOverlays(stage: Ref<HTMLElement | null>, onChange: () => void) {
  let observer: ResizeObserver | null = null
  const observed = new Set<Element>()

  function elements(): Element[] {
    const root = stage.value
    if (!root) return []
    return [...root.querySelectorAll('[data-overlay]'), ...document.querySelectorAll(MAP_OVERLAYS.join(','))]
  }

  /** Every visible overlay's box, in stage pixels (the stage is scaled by a CSS transform). */
  function boxes(): Box[] {
    const root = stage.value
    if (!root) return []
    const stageRect = root.getBoundingClientRect()
    const scale = stageRect.width / STAGE_SIZE.width || 1
    return elements()
      .map((element) => element.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({
        left: (r.left - stageRect.left) / scale,
        top: (r.top - stageRect.top) / scale,
        right: (r.right - stageRect.left) / scale,
        bottom: (r.bottom - stageRect.top) / scale,
      }))
  }

  /** Watches the overlays present now (call after a stop adds or removes one). */
  function observe() {
    if (!observer) return
    for (const element of elements()) {
      if (observed.has(element)) continue
      observed.add(element)
      observer.observe(element)
    }
    for (const element of [...observed]) {
      if (element.isConnected) continue
      observer.unobserve(element)
      observed.delete(element)
    }
  }

  onMounted(() => {
    if (typeof ResizeObserver === 'function') observer = new ResizeObserver(() => onChange())
    observe()
    window.addEventListener('resize', onChange)
  })
  onBeforeUnmount(() => {
    observer?.disconnect()
    observer = null
    observed.clear()
    window.removeEventListener('resize', onChange)
  })

  return { boxes, observe }
}
