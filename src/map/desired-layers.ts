/**
 * From layer records to the MapLibre layers they draw: each spec's map layers in the state the
 * stores hold (visibility, opacity, language, selection, choropleth, theme), with the source id
 * filled in and the layer's draw rank. Pure: the controller calls it, tests call it directly.
 */
import type { LayerSpecification } from 'maplibre-gl'
import type { Locale } from '../i18n'
import type { LayerRenderContext, LayerSpec } from '../layers/types'
import type { DesiredMapLayer } from './layer-sync'
import type { FeatureCollection } from 'geojson'
import { userTableOf } from '../user-data/styles/user-style-columns'
import type { ResolvedUserStyle } from '../user-data/styles/user-style-resolve'
import { userStyleRender, type UserStyleRender } from '../user-data/styles/user-style-expressions'

/** A user layer's resolved style (the datasets store's one getter) as MapLibre expressions. */
function userRender(data: FeatureCollection, resolved: ResolvedUserStyle): UserStyleRender {
  return userStyleRender(userTableOf(data), resolved)
}

export interface DesiredLayersInput {
  records: readonly {
    spec: LayerSpec
    visible: boolean
    opacity: number
    data?: FeatureCollection | null
  }[]
  /** A user layer's style read against its data, from the datasets store; null for other layers. */
  resolvedStyle(id: string): ResolvedUserStyle | null
  rank: Readonly<Record<string, number>>
  locale: Locale
  selection: { layerId: string; featureId: string } | null
  /** Fill colour per area key, for the layer with the areaUnit capability. */
  choropleth: Record<string, string>
  theme: 'light' | 'dark'
  /** Layers whose source has not arrived yet are left out and appear on a later call. */
  hasSource(id: string): boolean
}

export function desiredMapLayers(input: DesiredLayersInput): DesiredMapLayer[] {
  return input.records.flatMap(({ spec, visible, opacity, data }) => {
    const resolved = data ? input.resolvedStyle(spec.id) : null
    const context: LayerRenderContext = {
      locale: input.locale,
      opacity,
      selectedKey: input.selection?.layerId === spec.id ? input.selection.featureId : null,
      choropleth: spec.capabilities?.areaUnit ? input.choropleth : null,
      theme: input.theme,
      userStyle: resolved && data ? userRender(data, resolved) : null,
    }
    const rank = input.rank[spec.id] ?? spec.order
    return spec.mapLayers(context).flatMap((mapLayer) => {
      const source = mapLayer.source ?? spec.id
      if (!input.hasSource(source)) return []
      const layer = {
        ...mapLayer,
        source,
        layout: { ...mapLayer.layout, visibility: visible ? 'visible' : 'none' },
      } as LayerSpecification
      return [{ layer, rank }]
    })
  })
}
