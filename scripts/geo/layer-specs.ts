/**
 * The layer specs, for the geo build. The app's registry (src/layers/registry.ts) finds them with
 * Vite's import.meta.glob; the build runs in plain node, so it lists the same folder itself.
 */
import { readdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { sortSpecs } from '../../src/layers/spec-helpers'
import type { LayerSpec } from '../../src/layers/types'

const LAYERS_DIR = fileURLToPath(new URL('../../src/layers', import.meta.url))

export async function loadLayerSpecs(dir = LAYERS_DIR): Promise<LayerSpec[]> {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.layer.ts'))
    .sort()
  const modules = await Promise.all(
    files.map((file) => import(pathToFileURL(join(dir, file)).href) as Promise<{ default: LayerSpec }>),
  )
  return sortSpecs(modules.map((module) => module.default))
}
