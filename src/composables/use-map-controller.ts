/**
 * The one way from components to the map: a typed controller, provided to the whole app by
 * src/modules/map-controller.ts and injected where needed. Components never import src/map (a lint rule checks);
 * they change stores, and ask the controller only for what is not state: a camera move, a capture.
 */
import { inject, type InjectionKey } from 'vue'
import type { BBox } from '../domain/geometry/geojson-checks'

export interface MapCapture {
  canvas: HTMLCanvasElement
  /** Metres covered by 100 CSS pixels at the centre, for the scale bar. */
  metresPer100px: number
  /** Degrees clockwise from north of the map's up direction, for the north arrow. */
  bearing: number
}

/**
 * Screen space, in the map container's CSS pixels, that the camera keeps clear: the subject is
 * framed (or the point centred) in what is left. Presentation mode measures it from its overlays.
 */
export interface CameraPadding {
  top: number
  right: number
  bottom: number
  left: number
}

/** Where to move the camera: a point and zoom, or bounds to frame; optionally clear of `padding`. */
export type CameraTarget =
  | { lngLat: [number, number]; zoom: number; durationMs?: number; padding?: CameraPadding }
  | {
      bounds: BBox
      durationMs?: number
      padding?: CameraPadding
      /** Stay when the box is already in view and framing it would change the zoom by less than half a level. */
      unlessShown?: boolean
    }

export interface MapController {
  /** Builds the map in this element and keeps it in step with the stores until unmount. */
  mount(container: HTMLElement): void
  unmount(): void
  /** Moves the camera (a jump instead of a flight when the user prefers reduced motion). */
  moveTo(target: CameraTarget): void
  /**
   * The map's pixels at 1× or 2×, for export; with a size (CSS pixels), drawn at that size showing at
   * least what is on screen, or, with a `zoom`, at that zoom around the same centre (a print at 1:N).
   * Rejects when no map is mounted.
   */
  capture(scale: number, size?: { width: number; height: number }, zoom?: number): Promise<MapCapture>
  /** Lets the map draw the measuring tool's store and send it its clicks (loaded on first use). */
  sketch(): Promise<void>
  /** Resolves once the map has drawn every change so far. */
  whenIdle(): Promise<void>
  /**
   * Gets the map ready for a large point set (deck.gl loaded, its programs linked) while a file is
   * still being read; optional, so a stand-in controller need not have it.
   */
  prepareLargePoints?(): void
}

export const MAP_CONTROLLER: InjectionKey<MapController> = Symbol('map-controller')

export function useMapController(): MapController {
  const controller = inject(MAP_CONTROLLER, null)
  if (!controller)
    throw new Error('useMapController: no map controller was provided (see src/modules/map-controller.ts)')
  return controller
}
