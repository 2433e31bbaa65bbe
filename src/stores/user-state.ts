/**
 * Everything the user brought, as one plain value: their layers (data, name, style, visibility,
 * opacity, list order), their replacements of built-in layers, and the indicators joined from their
 * tables. IndexedDB keeps it (本机数据) and a project file carries it; both go through these two
 * functions, so what is kept and what is shared cannot drift apart.
 */
import type { useIndicatorsStore } from './indicators'
import type { useLayersStore } from './layers'
import { defaultUserLayerStyle } from '../user-data/styles/user-layer-style'
import { addServiceLayer } from './service-layers'

export type {
  ReplacementSnapshot,
  UserLayerData,
  UserLayerSnapshot,
  UserStateSnapshot,
} from '../user-data/user-state-snapshot'
import type {
  ReplacementSnapshot,
  UserLayerData,
  UserLayerSnapshot,
  UserStateSnapshot,
} from '../user-data/user-state-snapshot'

type LayersStore = ReturnType<typeof useLayersStore>
type IndicatorsStore = ReturnType<typeof useIndicatorsStore>

export function captureUserState(layers: LayersStore, indicators: IndicatorsStore): UserStateSnapshot {
  const userLayers = layers.order.flatMap((id): UserLayerSnapshot[] => {
    const record = layers.record(id)
    if (!record?.user || (!record.userStyle && !record.service)) return []
    const data: UserLayerData | null = record.service
      ? { kind: 'service', definition: record.service, ...(record.serviceFile ? { file: record.serviceFile } : {}) }
      : record.points
        ? { kind: 'points', table: record.points }
        : record.data
          ? { kind: 'features', collection: record.data }
          : null
    if (!data) return []
    return [
      {
        id,
        fileName: record.user.fileName,
        name: record.user.name,
        addedAt: record.user.addedAt,
        visible: record.visible,
        opacity: record.opacity,
        style: record.userStyle ?? defaultUserLayerStyle(),
        data,
      },
    ]
  })
  const replacements = Object.values(layers.records).flatMap((record): ReplacementSnapshot[] =>
    record.replacement && record.data
      ? [
          {
            layerId: record.spec.id,
            fileName: record.replacement.fileName,
            collection: record.data,
            ...(record.replacement.note ? { note: record.replacement.note } : {}),
            ...(record.replacement.published ? { published: true } : {}),
          },
        ]
      : [],
  )
  return { layers: userLayers, replacements, indicators: [...indicators.userIndicators] }
}

/**
 * Adds a snapshot's layers, replacements and indicators to what is loaded. A layer whose id is taken
 * gets a new one; a replacement of a layer this version does not have is reported, not applied.
 * Returns the ids of layers it could not restore, for the caller's message, and the id each
 * snapshot layer got (the project file maps its list order and visibility through it).
 * `published`: the layers came with the published project (data/project.zip).
 */
export function applyUserState(
  snapshot: UserStateSnapshot,
  layers: LayersStore,
  indicators: IndicatorsStore,
  { published = false }: { published?: boolean } = {},
): { missingLayers: string[]; layerIds: Record<string, string> } {
  const layerIds: Record<string, string> = {}
  // Added bottom first, so that the list ends in the snapshot's order (each add goes to the top).
  for (const layer of [...snapshot.layers].reverse()) {
    const options = {
      id: layer.id,
      name: layer.name,
      addedAt: layer.addedAt,
      style: layer.style,
      visible: layer.visible,
      opacity: layer.opacity,
      ...(published ? { published } : {}),
    }
    const data = layer.data
    layerIds[layer.id] =
      data.kind === 'service'
        ? addServiceLayer(layers, data.definition, { ...options, file: data.file ?? null })
        : data.kind === 'points'
          ? layers.addUserPointLayer(data.table, layer.fileName, options)
          : layers.addUserLayer(data.collection, layer.fileName, options)
  }
  const missingLayers: string[] = []
  for (const replacement of snapshot.replacements) {
    if (!layers.record(replacement.layerId)) missingLayers.push(replacement.layerId)
    else
      layers.replaceData(replacement.layerId, replacement.collection, replacement.fileName, replacement.note ?? null, {
        published: published || Boolean(replacement.published),
      })
  }
  const added = published ? snapshot.indicators.map((i) => ({ ...i, published: true })) : snapshot.indicators
  if (added.length) indicators.addUserIndicators(added)
  return { missingLayers, layerIds }
}
