/**
 * The only import of the app's layer registry in the render tests: if the registry's names change,
 * this file is the one to edit. Everything else takes the list and its types from here.
 */
import { LAYER_SPECS } from '../../../src/layers/registry'

export const LAYERS = LAYER_SPECS
export type Layer = (typeof LAYERS)[number]
export type RenderContext = Parameters<Layer['mapLayers']>[0]
export type MapLayer = ReturnType<Layer['mapLayers']>[number]
