/**
 * The draw budget's limits (why each is what it is: draw-budget.ts), apart from its code so that a
 * module on the page (a GeoJSON feed's reader) can name them without bringing turf's simplify along.
 */
export const BINARY_POINT_THRESHOLD = 50_000
export const MAX_POINTS = 5_000_000
export const VERTEX_BUDGET = 1_000_000
export const MAX_VERTICES = 2_000_000
export const MAX_GEOJSON_FEATURES = 300_000
