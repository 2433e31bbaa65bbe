/**
 * A layer is declared once, in one file named `*.layer.ts` in this folder: its words (title, caveat,
 * method), its provenance, source and licence, how its data is built and checked, its MapLibre style,
 * legend, tooltip, panel fields and capabilities. The geo build (scripts/build-geo.ts) reads the same
 * files to build public/geo and write manifest.json; the app reads them through src/layers/registry.ts.
 */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec'
import type { Geometry } from 'geojson'
import type { Locale } from '../i18n'
import type { Bilingual, Provenance } from '../domain/types'
import type { UserStyleRender } from '../user-data/styles/user-style-expressions'

/** A MapLibre layer without its source: the map fills in the source id (the layer's own by default). */
export type MapLayerSpec = DistributiveOmit<LayerSpecification, 'source'> & { source?: string }
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

export interface LayerRenderContext {
  locale: Locale
  /** 0…1, from the layer list. */
  opacity: number
  /** Key (see LayerData.key) of the selected feature of this layer, if any. */
  selectedKey: string | null
  /** Fill colour per feature key, for a layer with the choropleth capability; null otherwise. */
  choropleth: Record<string, string> | null
  /** 'dark' on the big screen (presentation mode): context layers darken so the data stands out. */
  theme?: 'light' | 'dark'
  /** A user's layer: its style read against its data (colours, size, label, filter); absent otherwise. */
  userStyle?: UserStyleRender | null
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
  /** The property shown in English where the feature carries its own English text (note_en beside note_zh). */
  propertyEn?: string
  label: Bilingual
  /** Unit shown after the value; empty if none. */
  unit?: string
  /** Turns a raw value into display text (plain text, never HTML); default String(value). */
  format?: (value: unknown, locale: Locale) => string
}

/** Where the build takes a layer's features from. */
export type DataOrigin =
  /** A builder in scripts/geo/builders.ts, registered under the layer's id. */
  | { builder: true }
  /** A GeoJSON file under seeds/, copied after validation (e.g. 'geo/my-layer.geojson'). */
  | { seed: string }
  /**
   * Nothing is built: the layer is drawn (by deck.gl) from the data of the layer that has this
   * capability — the readings surface from the stations, the inspection density from the inspections.
   */
  | { derivedFrom: DerivedSource }

/** What a derived layer is drawn from: the capability of the layer whose data it reads. */
export type DerivedSource = 'readings' | 'inspections'

/** How a layer's features are built, keyed and checked; the build and the app's loader apply it. */
export interface LayerData {
  origin: DataOrigin
  /** The property that names a feature uniquely: selections, share links and joins use it. */
  key: string
  geometryTypes: readonly Geometry['type'][]
  requiredProperties?: readonly string[]
  requireRightHandWinding?: boolean
}

/** What a layer can do beyond being drawn. Components ask for a capability, never for a layer id. */
export interface LayerCapabilities {
  /**
   * The layer's features are the areas that indicators are counted in (the townships): clicking one
   * opens the area panel, the choropleth colours them, the other layers are counted inside them.
   */
  areaUnit?: { codeProperty: string; nameProperty: string; nameEnProperty?: string; areaProperty?: string }
  /** A user's file may stand in for the layer when it has these geometry types and properties. */
  replaceable?: {
    geometryTypes: readonly Geometry['type'][]
    requiredProperties: readonly string[]
    /** Features without the key get it from the built-in feature of the same name. */
    keyFromName?: boolean
  }
  /** Exported as GeoJSON/CSV from the export menu (default true for listed layers). */
  exportable?: boolean
  /** Counted inside each area in the area panel (default true for listed point/line/polygon layers). */
  countedInAreas?: boolean
  /**
   * The layer's air stations carry monthly readings (PM2.5, PM10, O₃): the readings surface, the air
   * warnings and the tooltips' readings read them.
   */
  readings?: boolean
  /** The layer's points are inspections and cases (kind, month): the density and the area counts read them. */
  inspections?: boolean
  /** The layer's points are water sections with their classes: the water warnings read them. */
  waterClasses?: boolean
  /** The seats of the area units (one point per township): search finds townships at them. */
  areaSeats?: boolean
  /** The outline of the whole district: the first view and the tour's whole-district stops fit it. */
  extent?: boolean
  /**
   * Reference, not a theme (the neighbouring counties, the district outline, rivers, township seats):
   * an exported picture lists it after the thematic layers, and leaves it out first when room is short.
   */
  reference?: boolean
  /** The readings as a surface or density, drawn by deck.gl (a derived layer). */
  readingsSurface?: boolean
  /** The inspections and cases as a density (heatmap or hexagons), drawn by deck.gl (a derived layer). */
  inspectionDensity?: boolean
}

/** A capability a layer may declare; code asks for a layer by one of these, never by its id. */
export type Capability = keyof LayerCapabilities

export interface LayerSpec {
  /** The MapLibre source id, the manifest entry id and the file name in public/geo. */
  id: string
  title: Bilingual
  /** Draw order among layers, low first (under). */
  order: number
  defaultVisible: boolean
  /** Shown in the layer list; label points and other helper data are not. */
  listed: boolean
  provenance: Provenance
  /** One sentence under the layer in the legend and on panels: why the data is approximate or sample. */
  caveat: Bilingual | null
  /** How the data was made, in full; shown in panels and written to the manifest. */
  method?: Bilingual
  /** Where the data comes from (names the upstream source and, for sample data, the generator). */
  source: string
  licence: string
  data: LayerData
  capabilities?: LayerCapabilities
  /** Map layers in draw order. Ids must start with the spec's id. */
  mapLayers(context: LayerRenderContext): MapLayerSpec[]
  legend: LegendEntry[]
  /** Map layer ids that answer clicks and hovers. */
  interactiveLayerIds?: string[]
  /** Short text for the hover tooltip (plain text, never HTML). */
  tooltip?(properties: Record<string, unknown>, locale: Locale): string | null
  /** The fields the feature panel lists; 'all' lists every property (user layers). */
  panelFields?: PanelField[] | 'all'
}

/** A built-in or user layer's metadata after precedence (spec → built data → user's replacement). */
export interface LayerMeta {
  id: string
  title: Bilingual
  provenance: Provenance
  caveat: Bilingual | null
  method: Bilingual | null
  source: string
  licence: string
  /** Null until the data has loaded. */
  featureCount: number | null
  /** The file the data came from when the user replaced or added it. */
  userFile: string | null
}
