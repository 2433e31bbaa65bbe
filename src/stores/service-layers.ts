/**
 * Adding a layer from another server to the layers store: its spec (src/layers/service-layer.ts for
 * tiled services, a user layer's for GeoJSON at an address) is made here, so that neither comes with
 * the first view; the datasets store and restoring kept or saved layers call this.
 */
import type { FeatureCollection } from 'geojson'
import type { ServiceDefinition } from '../domain/services/service-types'
import { serviceLayerSpec } from '../layers/service-layer'
import { userLayerSpec } from '../layers/user-layer'
import type { useLayersStore, UserLayerOptions } from './layers'

type LayersStore = ReturnType<typeof useLayersStore>

export function addServiceLayer(
  layers: LayersStore,
  definition: ServiceDefinition,
  options: UserLayerOptions & { file?: Blob | null; collection?: FeatureCollection | null } = {},
): string {
  const name = options.name ?? null
  return layers.addServiceRecord(
    (id, index) =>
      definition.kind === 'geojson'
        ? userLayerSpec({ id, fileName: definition.url, index, geometryTypes: [], name })
        : serviceLayerSpec({ id, index, definition, name }),
    definition,
    options,
  )
}
