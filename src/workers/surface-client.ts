/**
 * The main thread's side of the surface worker: one Promise per request, matched by id. The
 * stations' arrays are copied and the copies transferred. Created lazily (Vite's Worker URL
 * pattern makes the worker its own chunk), like aggregation-client.ts.
 */
import type { MultiPolygon, Polygon } from 'geojson'
import type { ReadingsPollutant } from '../domain/air/pollutant-scale'
import type { SurfaceGrid } from '../domain/surface/idw'
import type { SurfaceRequest, SurfaceResponse, SurfaceResult } from './surface-protocol'
import type { SurfaceColouring } from '../domain/surface/ramp'

export type { SurfaceResult } from './surface-protocol'

/** What the client needs of a Worker; tests pass an in-process stand-in. */
export interface SurfacePort {
  postMessage(message: SurfaceRequest, transfer: Transferable[]): void
  onmessage: ((event: MessageEvent<SurfaceResponse>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  terminate(): void
}

type Pending = { resolve(result: unknown): void; reject(error: Error): void }

export class SurfaceClient {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  constructor(private readonly port: SurfacePort) {
    port.onmessage = (event) => {
      const response = event.data
      const pending = this.pending.get(response.id)
      if (!pending) return
      this.pending.delete(response.id)
      if (response.ok) pending.resolve(response.result)
      else pending.reject(new Error(`surface: ${response.error}`))
    }
    port.onerror = (event) => {
      for (const pending of this.pending.values()) pending.reject(new Error(`surface worker failed: ${event.message}`))
      this.pending.clear()
    }
  }

  static create(): SurfaceClient {
    return new SurfaceClient(
      new Worker(new URL('./surface.worker.ts', import.meta.url), { type: 'module', name: 'surface' }),
    )
  }

  /** The outline to clip to and the cell size; builds the grid and mask in the worker. */
  setArea(geometry: Polygon | MultiPolygon, cellMetres = 200): Promise<{ grid: SurfaceGrid; insideCells: number }> {
    // A plain copy: a store's geometry may be a reactive proxy, which postMessage cannot clone.
    const plain = JSON.parse(JSON.stringify(geometry)) as Polygon | MultiPolygon
    return this.request({ id: 0, type: 'setArea', geometry: plain, cellMetres }, [])
  }

  surface(
    positions: Float64Array,
    values: Float32Array,
    pollutant: ReadingsPollutant,
    colouring: SurfaceColouring = 'levels',
  ): Promise<SurfaceResult> {
    const p = positions.slice()
    const v = values.slice()
    return this.request({ id: 0, type: 'surface', positions: p, values: v, pollutant, colouring }, [p.buffer, v.buffer])
  }

  dispose(): void {
    this.port.terminate()
    for (const pending of this.pending.values()) pending.reject(new Error('surface worker disposed'))
    this.pending.clear()
  }

  private request<T>(message: SurfaceRequest, transfer: ArrayBuffer[]): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject })
      this.port.postMessage({ ...message, id }, transfer)
    })
  }
}
