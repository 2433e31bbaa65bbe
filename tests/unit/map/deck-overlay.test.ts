/**
 * DeckOverlay.warm: the warm-up layers are handed to deck.gl visible (so a frame draws them and
 * luma.gl builds the pipelines a first frame on the map needs), and hidden only after deck.gl has
 * rendered a frame; hidden, they stay (their programs stay linked).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Layer } from '@deck.gl/core'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { warmUpLayers } from '../../../src/map/shader-warm-up'

interface OverlayProps {
  layers?: Layer[]
  onAfterRender?: () => void
}
const overlays: { props: OverlayProps }[] = []

vi.mock('@deck.gl/maplibre', () => ({
  MapLibreOverlay: class {
    props: OverlayProps
    constructor(props: OverlayProps) {
      this.props = { ...props }
      overlays.push(this)
    }
    setProps(props: OverlayProps) {
      this.props = { ...this.props, ...props }
    }
  },
}))

function fakeMap() {
  return {
    isStyleLoaded: () => true,
    addControl: vi.fn(),
    removeControl: vi.fn(),
    triggerRepaint: vi.fn(),
    on: vi.fn(),
    off: vi.fn(),
  } as unknown as MapLibreMap & { triggerRepaint: ReturnType<typeof vi.fn> }
}

describe('DeckOverlay.warm', () => {
  beforeEach(() => {
    overlays.length = 0
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('draws the warm-up layers once, visible, then keeps them hidden', async () => {
    const { createDeckOverlay } = await import('../../../src/map/deck-overlay')
    const map = fakeMap()
    const overlay = await createDeckOverlay(map)
    const deck = overlays[0]!
    const layers = warmUpLayers()
    let warmed = false
    void overlay.warm(layers).then(() => (warmed = true))
    expect(map.triggerRepaint).toHaveBeenCalled()
    const handed = deck.props.layers!
    expect(handed.map((layer) => layer.id)).toEqual(layers.map((layer) => layer.id))
    expect(handed.every((layer) => layer.props.visible)).toBe(true)

    // deck.gl has drawn a frame with them.
    await vi.runAllTimersAsync()
    expect(warmed).toBe(false) // no frame yet: the programs are not linked
    deck.props.onAfterRender!()
    await vi.runAllTimersAsync()
    expect(warmed).toBe(true)
    const kept = deck.props.layers!
    expect(kept.map((layer) => layer.id)).toEqual(layers.map((layer) => layer.id))
    expect(kept.every((layer) => !layer.props.visible)).toBe(true)

    // The user's layers are drawn beside them, and the warm-up stays hidden.
    overlay.setLayers([layers[0]!.clone({ id: 'user-1-heatmap' })])
    expect(deck.props.layers!.map((layer) => layer.id)[0]).toBe('user-1-heatmap')
    expect(deck.props.layers!.slice(1).every((layer) => !layer.props.visible)).toBe(true)
  })
})
