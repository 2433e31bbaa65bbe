/**
 * The default basemap: no tiles, no fonts, no sprites from anywhere. It is only a background; the
 * project's own layers (counties, district, townships, rivers) are added on top by the adapter,
 * so the map is whole with no network at all.
 *
 * Labels: with no `glyphs` URL, MapLibre draws every glyph with the browser's local fonts
 * (TinySDF). CJK ideographs go through localIdeographFontFamily; the stack below prefers the
 * Noto CJK fonts Debian ships (fonts-noto-cjk) and the usual Windows/macOS Chinese fonts.
 */
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec'

export const LOCAL_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', sans-serif"

export const BACKGROUND_COLOUR = '#dfe7ea'
/** Presentation mode's dark theme. */
export const BACKGROUND_DARK = '#0e1a14'

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'jindong-offline',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOUR } }],
  }
}
