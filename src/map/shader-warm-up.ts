/**
 * Layers with no data whose only purpose is to have their WebGL programs linked before a large point
 * set needs them (DeckOverlay.warm keeps them, hidden). luma.gl shares a linked program between
 * layers built from the same shaders, so the heatmap and points of a dropped file find theirs ready.
 * Built by the same factory as the real layers, so the shaders are the same.
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

export function warmUpLayers(): Layer[] {
  return [
    // The smallest weights texture deck.gl allows: the texture's size is a uniform, not in the shaders.
    userPointsLayer({ ...EMPTY, display: 'heatmap' }).clone({ weightsTextureSize: 128 } as Record<string, unknown>),
    userPointsLayer({ ...EMPTY, display: 'points' }),
  ]
}
