/**
 * A layer from another server (天地图's WMTS, a province's WMS, a county's ArcGIS MapServer, a tile
 * template, a PMTiles archive, GeoJSON at a URL), described as plain data: what the map needs to
 * fetch and draw it, and what the legend and the provenance say about it. A definition is kept in
 * 本机数据, saved in the project file and published like any layer's state; it holds no tiles.
 */

/** What kind of service a URL is. */
export type ServiceKind = 'xyz' | 'wms' | 'wmts' | 'arcgis' | 'vector-tiles' | 'pmtiles' | 'geojson'

/** Every kind, in the order the add-a-service form offers them. */
export const SERVICE_KINDS: readonly ServiceKind[] = [
  'wms',
  'wmts',
  'arcgis',
  'xyz',
  'vector-tiles',
  'pmtiles',
  'geojson',
]

/** How a WMTS matrix set is drawn: as it is, resampled by rows, or not at all. */
export const MATRIX_SET_KINDS = ['mercator', 'geographic', 'other'] as const

/**
 * The coordinates a service's pictures are in, for alignment: most are WGS84 (CGCS2000 differs by
 * centimetres); a Chinese commercial service may be GCJ-02 and is shifted as the basemaps are.
 */
export type ServiceCrs = 'WGS84' | 'GCJ-02'

/** [west, south, east, north] in degrees. */
export type LonLatBox = [number, number, number, number]

/**
 * One matrix of a WMTS tile matrix set in geographic coordinates (EPSG:4490 CGCS2000, EPSG:4326,
 * CRS84), such as 天地图's `c` set: tiles of `tileWidth` × `tileHeight` pixels, each pixel
 * `degreesPerPixel` wide and high, counted from the top-left corner (`originLon`, `originLat`).
 */
export interface GeographicMatrix {
  /** The TileMatrix identifier the GetTile request names ("1", "EPSG:4490:5", …). */
  id: string
  degreesPerPixel: number
  originLon: number
  originLat: number
  tileWidth: number
  tileHeight: number
  matrixWidth: number
  matrixHeight: number
}

/** How one raster tile of the layer is fetched. URLs are absolute. */
export type RasterTiles =
  /** A tile template with {z}, {x} and {y} (or {-y} for TMS rows counted from the south). */
  | { scheme: 'xyz'; template: string }
  /**
   * WMS GetMap in Web Mercator: the URL with every parameter but the box, which is filled per tile
   * (MapLibre's {bbox-epsg-3857}); 1.3.0 and 1.1.1 both take x,y order in EPSG:3857.
   */
  | { scheme: 'wms'; template: string }
  /**
   * WMTS in a Web Mercator matrix set (天地图's `w`, GoogleMapsCompatible): a template with
   * {TileMatrix}, {TileRow} and {TileCol}; `matrixIds[z]` names the matrix drawn at web zoom z
   * (null where the set has none). `tileSize`: the tiles' width and height in pixels, 256 when absent
   * (a set of 512-px tiles has one tile across the world at z = 0 all the same).
   */
  | { scheme: 'wmts-mercator'; template: string; matrixIds: (string | null)[]; tileSize?: number }
  /**
   * WMTS in a geographic matrix set (天地图's `c`): each Web Mercator tile is made from the
   * service's tiles, resampled row by row (latitude is not linear in Web Mercator).
   */
  | { scheme: 'wmts-geographic'; template: string; matrices: GeographicMatrix[] }
  /** ArcGIS MapServer tiles in Web Mercator: …/MapServer/tile/{z}/{y}/{x}. */
  | { scheme: 'arcgis-tiles'; template: string }
  /** ArcGIS MapServer export per tile, in Web Mercator, with {bbox-epsg-3857}. */
  | { scheme: 'arcgis-export'; template: string }

/** One entry of a legend a service declares: a label and a small picture (a URL or data: URL). */
export interface ServiceLegendEntry {
  label: string
  image: string
}

export interface ServiceLegend {
  /** A picture of the whole legend (WMS GetLegendGraphic, a WMTS LegendURL). */
  image?: string
  /** Entries with their own pictures (ArcGIS's legend). */
  entries?: ServiceLegendEntry[]
}

export interface ServiceDefinition {
  kind: ServiceKind
  /** The address the user gave (a capabilities URL, a tile template, a PMTiles URL), or a file's name. */
  url: string
  /** The host that serves it ("t0.tianditu.gov.cn", "10.1.2.3:8080"); the file's name for a local file. */
  host: string
  /** The layer's name as the service gives it (a WMS layer's Title, a WMTS layer's Title). */
  title: string
  /** The attribution the service declares; empty when it declares none. */
  attribution: string
  crs: ServiceCrs
  /** For raster services: how a tile is fetched. */
  raster?: RasterTiles
  /** For vector tiles (an MVT template or a PMTiles archive): the source layers drawn. */
  vector?: { template?: string; sourceLayers: string[] }
  /** A PMTiles archive's tile type. */
  pmtiles?: { tileType: 'mvt' | 'png' | 'jpeg' | 'webp'; fromFile: boolean }
  bounds?: LonLatBox
  minzoom?: number
  maxzoom?: number
  legend?: ServiceLegend
  /** GeoJSON by URL: fetched again every so many minutes (0: once). */
  refreshMinutes?: number
}

/** A service's refusal or a mistake in what it sent, said in both languages. */
export interface ServiceProblem {
  zh: string
  en: string
}

/** A layer a capabilities document offers: the dialog lists these for the user to choose. */
export interface OfferedLayer {
  /** The name or identifier the requests use. */
  id: string
  title: string
  abstract?: string
  bounds?: LonLatBox
  /** Null when the layer can be drawn; otherwise why not (only EPSG:4490, no image format, …). */
  problem: ServiceProblem | null
  /** WMTS: the matrix sets offered for it, drawable ones first. */
  matrixSets?: { id: string; kind: (typeof MATRIX_SET_KINDS)[number]; problem: ServiceProblem | null }[]
}

/** What reading a service's capabilities gives: the layers to choose from, and how to make one. */
export interface ServiceOffer {
  kind: ServiceKind
  /** The service's own title. */
  title: string
  attribution: string
  layers: OfferedLayer[]
  /** All the layers the document lists (the dialog may show only the first ones). */
  total: number
}
