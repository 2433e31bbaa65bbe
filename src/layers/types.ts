/**
 * A thematic layer is declared once, in one file named `*.layer.ts` in this folder: its data
 * (a manifest entry), its MapLibre style, its legend, tooltip and panel fields.
 * src/layers/registry.ts finds every such file, so adding a layer means adding one file.
 */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec'
import type { Locale } from '../i18n'
import type { Provenance } from '../domain/types'

type Bilingual = { zh: string; en: string }

/** A MapLibre layer without its source: the adapter fills in the source id (the layer's own by default). */
export type MapLayerSpec = DistributiveOmit<LayerSpecification, 'source'> & { source?: string }
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

export interface LayerRenderContext {
  locale: Locale
  /** 0…1, from the layer list. */
  opacity: number
  /** Key (properties.id, or properties.code) of the selected feature of this layer, if any. */
  selectedKey: string | null
  /** Fill colour per feature key, for a layer drawn as a choropleth (the towns); null otherwise. */
  choropleth: Record<string, string> | null
  /** 'dark' on the big screen (presentation mode): context layers darken so the data stands out. */
  theme?: 'light' | 'dark'
}

export interface LegendEntry {
  label: Bilingual
  /** CSS colour of the swatch. */
  colour: string
  shape: 'fill' | 'line' | 'dashed-line' | 'circle' | 'glyph'
  /** For shape 'glyph': the character drawn on the map (●, ▲, ■, ◆). */
  glyph?: string
}

export interface PanelField {
  /** Property name in the feature. */
  property: string
  label: Bilingual
  /** Unit shown after the value; empty if none. */
  unit?: string
  /** Turns a raw value into display text (plain text, never HTML); default String(value). */
  format?: (value: unknown, locale: Locale) => string
}

export interface LayerDefinition {
  /** Same as the manifest entry id and the MapLibre source id. */
  id: string
  title: Bilingual
  /** Draw order among layers, low first (under). */
  order: number
  defaultVisible: boolean
  /** Shown in the layer list; base layers such as the background context may be hidden from it. */
  listed: boolean
  /**
   * The provenance the layer declares for its own presentation; the manifest's value wins when
   * a user replaces the data (see src/data).
   */
  provenance: Provenance
  /** Map layers in draw order. Ids must start with the definition's id. */
  mapLayers(context: LayerRenderContext): MapLayerSpec[]
  legend: LegendEntry[]
  /** Shown under the layer in the legend and in its panels: why the data is approximate or sample. */
  caveat?: Bilingual
  /** Map layer ids that answer clicks and hovers. */
  interactiveLayerIds?: string[]
  /** Short text for the hover tooltip (plain text, never HTML). */
  tooltip?(properties: Record<string, unknown>, locale: Locale): string | null
  /** The fields the feature panel lists; 'all' lists every property (user layers). */
  panelFields?: PanelField[] | 'all'
}
