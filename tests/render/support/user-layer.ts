/**
 * The layer a user loaded from a file, drawn as the app draws it: its declaration from
 * src/layers/user-layer.ts (the first user layer, so the first user colour), and its style, the case's
 * user-style.json read back as a project file's style is (parseUserLayerStyle), resolved against the
 * case's fixture by src/user-data/styles as the datasets store does (its data, the style, the colour of
 * the spec's legend) and turned into MapLibre expressions as src/map/desired-layers.ts does.
 */
import type { FeatureCollection } from 'geojson'
import { userLayerSpec } from '../../../src/layers/user-layer'
import { parseUserLayerStyle } from '../../../src/user-data/styles/user-layer-style'
import { userTableOf } from '../../../src/user-data/styles/user-style-columns'
import { userStyleRender, type UserStyleRender } from '../../../src/user-data/styles/user-style-expressions'
import { resolvedUserStyle } from '../../../src/user-data/styles/user-style-resolve'

/** The case name (before any `--variant`) of a user's layer; its fixture is `user-layer.geojson`. */
export const USER_LAYER_ID = 'user-layer'

/** A user's file of points, one area and one line, as the import dialog would add it first. */
export const USER_LAYER = userLayerSpec({
  id: USER_LAYER_ID,
  fileName: '企业点位.geojson',
  index: 0,
  geometryTypes: ['Point', 'Polygon', 'LineString'],
})

/** The style's render context for the case's data, or null where the case has no user-style.json. */
export function userStyleOf(styleJson: unknown, data: FeatureCollection): UserStyleRender | null {
  if (styleJson === undefined) return null
  const table = userTableOf(data)
  const layerColour = USER_LAYER.legend[0]!.colour
  return userStyleRender(table, resolvedUserStyle(table, parseUserLayerStyle(styleJson), layerColour))
}
