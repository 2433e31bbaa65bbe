/**
 * Every `*.layer.ts` file in this folder, sorted by draw order. Vite (and vitest) resolve the glob
 * at build time, so the registry needs no edit when a layer is added. The geo build, which runs in
 * node without Vite, lists the same folder itself (scripts/geo/layer-specs.ts).
 */
import type { LayerSpec } from './types'
import { sortSpecs } from './spec-helpers'

const modules = import.meta.glob<{ default: LayerSpec }>('./*.layer.ts', { eager: true })

export const LAYER_SPECS: readonly LayerSpec[] = sortSpecs(Object.values(modules).map((module) => module.default))

/**
 * Layers drawn from another layer's data (`*.derived-layer.ts`: the readings surface, the inspection
 * density). They are records in the layers store like every other, but the geo build makes no file
 * for them, so the build and the render cases list LAYER_SPECS only.
 */
const derivedModules = import.meta.glob<{ default: LayerSpec }>('./*.derived-layer.ts', { eager: true })
export const DERIVED_LAYER_SPECS: readonly LayerSpec[] = sortSpecs(
  Object.values(derivedModules).map((module) => module.default),
)

export function layerSpec(id: string): LayerSpec | undefined {
  return [...LAYER_SPECS, ...DERIVED_LAYER_SPECS].find((spec) => spec.id === id)
}
