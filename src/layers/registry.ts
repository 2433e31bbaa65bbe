/**
 * Every `*.layer.ts` file in this folder, sorted by draw order. Vite (and vitest) resolve the glob
 * at build time, so the registry needs no edit when a layer is added.
 */
import type { LayerDefinition } from './types'

const modules = import.meta.glob<{ default: LayerDefinition }>('./*.layer.ts', { eager: true })

export const LAYER_DEFINITIONS: readonly LayerDefinition[] = Object.values(modules)
  .map((module) => module.default)
  .sort((a, b) => a.order - b.order)

export function layerDefinition(id: string): LayerDefinition | undefined {
  return LAYER_DEFINITIONS.find((definition) => definition.id === id)
}
