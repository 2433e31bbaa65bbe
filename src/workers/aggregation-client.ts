/**
 * The main thread's side of the aggregation worker: one Promise per request, matched to its reply
 * by a request id. Point arrays are copied and the copies transferred, so the caller keeps its own
 * arrays and a million points cross to the worker without a structured-clone of each value.
 *
 * The worker is created lazily by Vite's `new Worker(new URL(...), { type: 'module' })` pattern,
 * which bundles it as its own chunk; nothing here is in the app's first load unless imported.
 */
import type { TownArea } from '../domain/geometry/aggregate'
import type { BinnedPoints } from '../domain/geometry/point-bins'
import type {
  AggregationRequest,
  AggregationRequestType,
  AggregationResponse,
  AggregationResults,
  FilteredPoints,
  PointBatch,
  PointFilter,
  TownCountResult,
} from './aggregation-protocol'

export type { PointBatch, PointFilter, TownCountResult, FilteredPoints } from './aggregation-protocol'
export type { BinnedPoints } from '../domain/geometry/point-bins'
export { cellDegreesForZoom } from '../domain/geometry/point-bins'

/** What the client needs of a Worker; tests pass an in-process stand-in. */
export interface AggregationPort {
  postMessage(message: AggregationRequest, transfer: Transferable[]): void
  onmessage: ((event: MessageEvent<AggregationResponse>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  terminate(): void
}

/** A request of one type, given the id the client assigns. */
type RequestBuilder<K extends AggregationRequestType> = (id: number) => Extract<AggregationRequest, { type: K }>

interface Pending {
  type: AggregationRequestType
  resolve(result: AggregationResults[AggregationRequestType]): void
  reject(error: Error): void
}

export class AggregationClient {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private disposed = false

  constructor(private readonly port: AggregationPort) {
    port.onmessage = (event) => this.settle(event.data)
    port.onerror = (event) =>
      this.failAll(new Error(`aggregation worker failed: ${event.message || 'could not start'}`))
  }

  static create(): AggregationClient {
    const worker = new Worker(new URL('./aggregation.worker.ts', import.meta.url), {
      type: 'module',
      name: 'aggregation',
    })
    return new AggregationClient(worker)
  }

  async setTowns(towns: TownArea[]): Promise<void> {
    // Plain copies of only what the index needs: towns from a store may be reactive proxies,
    // which postMessage cannot clone. The township outlines are small (tens of kB).
    const plain: TownArea[] = towns.map((town) => ({
      code: town.code,
      name: town.name,
      geometry: JSON.parse(JSON.stringify(town.geometry)) as TownArea['geometry'],
    }))
    await this.request('setTowns', (id) => ({ id, type: 'setTowns', towns: plain }), [])
  }

  /** Sends a copy of the batch (the copies' buffers are transferred); replaces a batch of the same id. */
  async setBatch(batch: PointBatch): Promise<void> {
    const copy: PointBatch = {
      id: batch.id,
      positions: batch.positions.slice(),
      ...(batch.months ? { months: batch.months.slice() } : {}),
      ...(batch.kinds ? { kinds: batch.kinds.slice() } : {}),
      ...(batch.weights ? { weights: batch.weights.slice() } : {}),
    }
    const transfer = [copy.positions, copy.months, copy.kinds, copy.weights]
      .filter((array) => array !== undefined)
      .map((array) => array.buffer as ArrayBuffer)
    await this.request('setBatch', (id) => ({ id, type: 'setBatch', batch: copy }), transfer)
  }

  async deleteBatch(batchId: string): Promise<boolean> {
    return (await this.request('deleteBatch', (id) => ({ id, type: 'deleteBatch', batchId }), [])).deleted
  }

  countByTown(batchId: string, filter?: PointFilter): Promise<TownCountResult> {
    return this.request('countByTown', (id) => ({ id, type: 'countByTown', batchId, filter }), [])
  }

  /** Jan..Oct counts per town code (10 entries, index 0 = January). */
  monthlyByTown(batchId: string, filter?: PointFilter): Promise<Record<string, number[]>> {
    return this.request('monthlyByTown', (id) => ({ id, type: 'monthlyByTown', batchId, filter }), [])
  }

  /** Positions and weights of the points passing the filter, for a weighted heatmap. */
  filteredPoints(batchId: string, filter?: PointFilter): Promise<FilteredPoints> {
    return this.request('filteredPoints', (id) => ({ id, type: 'filteredPoints', batchId, filter }), [])
  }

  /**
   * The points passing the filter merged into square cells of cellDegrees (cellDegreesForZoom gives
   * ~2 screen pixels): far fewer points for a heatmap to draw at district zoom.
   */
  binnedPoints(batchId: string, cellDegrees: number, filter?: PointFilter): Promise<BinnedPoints> {
    return this.request('binnedPoints', (id) => ({ id, type: 'binnedPoints', batchId, filter, cellDegrees }), [])
  }

  /** Interleaved lng,lat of the points passing the filter, for the heatmap and hexagon layers. */
  async filteredPositions(batchId: string, filter?: PointFilter): Promise<Float64Array> {
    return (await this.filteredPoints(batchId, filter)).positions
  }

  /** Stops the worker; requests still waiting are rejected. */
  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.port.terminate()
    this.failAll(new Error('aggregation worker disposed'))
  }

  private request<K extends AggregationRequestType>(
    type: K,
    build: RequestBuilder<K>,
    transfer: ArrayBuffer[],
  ): Promise<AggregationResults[K]> {
    if (this.disposed) return Promise.reject(new Error('aggregation worker disposed'))
    const id = this.nextId++
    return new Promise<AggregationResults[K]>((resolve, reject) => {
      this.pending.set(id, { type, resolve: resolve as Pending['resolve'], reject })
      this.port.postMessage(build(id), transfer)
    })
  }

  private settle(response: AggregationResponse) {
    const pending = this.pending.get(response.id)
    if (!pending) return
    this.pending.delete(response.id)
    if (!response.ok) pending.reject(new Error(`aggregation ${pending.type}: ${response.error}`))
    else pending.resolve(response.result)
  }

  private failAll(error: Error) {
    for (const pending of this.pending.values()) pending.reject(error)
    this.pending.clear()
  }
}
