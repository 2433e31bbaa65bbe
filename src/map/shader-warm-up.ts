/**
 * Layers with no data whose only purpose is to have their WebGL programs linked, and luma.gl's
 * render pipelines for them built, before a large point set needs them (DeckOverlay.warm draws them
 * once, transparent, then keeps them hidden). Built by the same factory as the real layers, one per
 * shape of attributes the real ones can have (weighted or not; coloured and sized per point or not),
 * because luma.gl keys a pipeline by its shaders, buffer layout and draw parameters: a layer whose
 * key was not built before builds it on its first frame, reading the program's layout back from the
 * GPU process synchronously (0.2–1.3 s on SwiftShader while a million points upload).
 * Imports deck.gl: loaded with a dynamic import().
 */
import type { Layer } from '@deck.gl/core'
import { userPointsLayer, type UserPointsDraw } from './user-points-layers'

const EMPTY: Omit<UserPointsDraw, 'display'> = {
  id: 'warm-up',
  positions: new Float32Array(0),
  weights: new Float32Array(0),
  colour: [0, 0, 0],
  opacity: 0,
  propertiesAt: () => null,
}

/** The draws the warm-up layers are built from: every attribute shape userPointsLayer gives. */
export function warmUpDraws(): UserPointsDraw[] {
  const colours = new Uint8Array(0)
  const radii = new Float32Array(0)
  return [
    { ...EMPTY, display: 'heatmap' },
    { ...EMPTY, id: 'warm-up-unweighted', weights: null, display: 'heatmap' },
    { ...EMPTY, display: 'points' },
    { ...EMPTY, id: 'warm-up-coloured', colours, display: 'points' },
    { ...EMPTY, id: 'warm-up-sized', radii, display: 'points' },
    { ...EMPTY, id: 'warm-up-styled', colours, radii, display: 'points' },
    { ...EMPTY, display: 'hexagon' },
  ]
}

export function warmUpLayers(): Layer[] {
  return warmUpDraws().map((draw) => {
    const layer = userPointsLayer(draw)
    // The smallest weights texture deck.gl allows: the texture's size is a uniform, not in the shaders.
    return draw.display === 'heatmap' ? layer.clone({ weightsTextureSize: 128 } as Record<string, unknown>) : layer
  })
}
