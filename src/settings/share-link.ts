/**
 * The share link: the view as `#map=ZOOM/LAT/LNG`, the way OpenStreetMap writes it, followed by
 * `&layers=a,b&sel=layer:id&ind=indicator&lang=en`. Parsing never throws: an invalid part is
 * dropped and the app falls back to its default for it.
 */
export interface Camera {
  zoom: number
  lat: number
  lng: number
}

export interface ShareState {
  camera?: Camera
  layers?: string[]
  selection?: { layerId: string; featureId: string }
  indicator?: string
  lang?: 'zh-CN' | 'en'
}

const ID = /^[a-z0-9][a-z0-9-]{0,40}$/i
/** A built-in indicator id, or a user's (`user:<file>:<column>`, any text, bounded like a feature id). */
const INDICATOR_ID = /^(?:[a-z0-9][a-z0-9-]{0,40}|user:[^\n]{1,200})$/i
/** Longer ids stay out of the link (the selection is dropped from it): an address is no place for megabytes. */
export const MAX_LINK_FEATURE_ID = 200
const FEATURE_ID = new RegExp(`^[\\p{L}\\p{N}_.-]{1,${MAX_LINK_FEATURE_ID}}$`, 'u')

/** Decimal places grow with zoom so that the link is as precise as the screen, like OSM's. */
function precision(zoom: number): number {
  // Clamped: toFixed throws past 100 digits, and an extreme zoom must not break the link.
  return Math.min(8, Math.max(0, Math.ceil(Math.log(zoom) / Math.LN2)))
}

/** Whether a selection can travel in a link and be read back from it. */
export function linkableSelection(selection: { layerId: string; featureId: string }): boolean {
  return ID.test(selection.layerId) && FEATURE_ID.test(selection.featureId)
}

export function formatShareHash(state: ShareState): string {
  const parts: string[] = []
  if (state.camera && parseCamera(`${state.camera.zoom}/${state.camera.lat}/${state.camera.lng}`)) {
    const { zoom, lat, lng } = state.camera
    const digits = precision(zoom)
    parts.push(`map=${zoom.toFixed(2).replace(/\.?0+$/, '')}/${lat.toFixed(digits)}/${lng.toFixed(digits)}`)
  }
  if (state.layers) parts.push(`layers=${state.layers.join(',')}`)
  if (state.selection && linkableSelection(state.selection))
    parts.push(`sel=${encodeURIComponent(`${state.selection.layerId}:${state.selection.featureId}`)}`)
  if (state.indicator && INDICATOR_ID.test(state.indicator)) parts.push(`ind=${encodeURIComponent(state.indicator)}`)
  if (state.lang) parts.push(`lang=${state.lang}`)
  return parts.length ? `#${parts.join('&')}` : ''
}

function parseCamera(value: string): Camera | undefined {
  const pieces = value.split('/')
  if (pieces.length !== 3) return undefined
  const [zoom, lat, lng] = pieces.map(Number) as [number, number, number]
  if (![zoom, lat, lng].every(Number.isFinite)) return undefined
  if (zoom < 0 || zoom > 22 || lat < -85 || lat > 85 || lng < -180 || lng > 180) return undefined
  return { zoom, lat, lng }
}

export function parseShareHash(hash: string): ShareState {
  const state: ShareState = {}
  const body = hash.replace(/^#/, '')
  for (const part of body.split('&')) {
    const index = part.indexOf('=')
    if (index <= 0) continue
    const key = part.slice(0, index)
    let value: string
    try {
      value = decodeURIComponent(part.slice(index + 1))
    } catch {
      continue
    }
    if (key === 'map') {
      const camera = parseCamera(value)
      if (camera) state.camera = camera
    } else if (key === 'layers') {
      state.layers = value === '' ? [] : value.split(',').filter((id) => ID.test(id))
    } else if (key === 'sel') {
      const [layerId, featureId] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)]
      if (value.includes(':') && ID.test(layerId) && FEATURE_ID.test(featureId))
        state.selection = { layerId, featureId }
    } else if (key === 'ind') {
      if (INDICATOR_ID.test(value)) state.indicator = value
    } else if (key === 'lang') {
      if (value === 'zh-CN' || value === 'en') state.lang = value
    }
  }
  return state
}

/**
 * The parts of a link that an edit changed, against the link it was made from. Someone who edits
 * the address bar changes what they touch: the rest of what they typed is the older link, and may
 * lag a change on screen that has not reached the address bar yet (its write waits for a task).
 */
export function editedParts(edited: ShareState, before: ShareState): ShareState {
  const changed: ShareState = {}
  const keys = ['camera', 'layers', 'selection', 'indicator', 'lang'] as const
  for (const key of keys) {
    if (edited[key] === undefined || JSON.stringify(edited[key]) === JSON.stringify(before[key])) continue
    Object.assign(changed, { [key]: edited[key] })
  }
  return changed
}
