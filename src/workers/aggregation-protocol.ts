/**
 * The aggregation worker's messages and what it does with them, as pure functions.
 *
 * Why a separate module: the worker file only wires `onmessage` to handleAggregationRequest, so
 * everything that can go wrong (validation, filters, caching, the result shapes) is tested in node
 * without a Worker. The client (aggregation-client.ts) speaks the same types.
 *
 * The worker keeps, per point batch, the town index of every point once computed: counting again
 * with another month or kind filter is then a single pass over small typed arrays.
 */
import type { TownArea } from '../domain/geometry/aggregate'
import { binPoints, type BinnedPoints } from '../domain/geometry/point-bins'
import { buildTownGridIndex, OUTSIDE_TOWNS, type TownGridIndex } from '../domain/geometry/town-grid-index'
import { REPORT_MONTHS } from '../domain/types'

/** Points as typed arrays: positions are lng,lat interleaved; the others hold one value per point. */
export interface PointBatch {
  id: string
  positions: Float64Array
  /** Report month 1..10 of each point. */
  months?: Uint8Array
  /** A caller-defined category per point (0..255), e.g. inspection type. */
  kinds?: Uint8Array
  /** A value per point, e.g. a concentration for a weighted heatmap. */
  weights?: Float32Array
}

/**
 * Which points to keep. A missing list keeps everything; an empty list keeps nothing (the user
 * unticked every month). Asking for months or kinds of a batch without them is an error.
 */
export interface PointFilter {
  months?: number[]
  kinds?: number[]
}

export interface TownCountResult {
  /** Unique town codes in the order of the towns given to setTowns. */
  codes: string[]
  counts: number[]
  /** Points (passing the filter) in no town. */
  outside: number
  /** Milliseconds the worker spent, including placing the points in towns the first time. */
  ms: number
}

export interface FilteredPoints {
  positions: Float64Array
  weights: Float32Array | null
}

export type AggregationRequest =
  | { id: number; type: 'setTowns'; towns: TownArea[] }
  | { id: number; type: 'setBatch'; batch: PointBatch }
  | { id: number; type: 'deleteBatch'; batchId: string }
  | { id: number; type: 'countByTown'; batchId: string; filter?: PointFilter }
  | { id: number; type: 'monthlyByTown'; batchId: string; filter?: PointFilter }
  | { id: number; type: 'filteredPoints'; batchId: string; filter?: PointFilter }
  | { id: number; type: 'binnedPoints'; batchId: string; filter?: PointFilter; cellDegrees: number }

export type AggregationRequestType = AggregationRequest['type']

/** The result each request type answers with. */
export interface AggregationResults {
  setTowns: { townCount: number; ms: number }
  setBatch: { pointCount: number }
  deleteBatch: { deleted: boolean }
  countByTown: TownCountResult
  /** Jan..Oct counts per town code (index 0 = January). */
  monthlyByTown: Record<string, number[]>
  filteredPoints: FilteredPoints
  /** Points passing the filter merged into cells (see src/domain/geometry/point-bins.ts). */
  binnedPoints: BinnedPoints
}

export type AggregationResponse =
  | {
      [K in AggregationRequestType]: { id: number; ok: true; type: K; result: AggregationResults[K] }
    }[AggregationRequestType]
  | { id: number; ok: false; error: string }

/** A reply and the buffers to transfer with it (not copy). */
export interface HandledRequest {
  response: AggregationResponse
  transfer: ArrayBuffer[]
}

interface StoredBatch {
  batch: PointBatch
  pointCount: number
  /** Town index per point for the current towns, computed on first use. */
  towns: Int32Array | null
}

export interface AggregationState {
  index: TownGridIndex | null
  batches: Map<string, StoredBatch>
}

export function createAggregationState(): AggregationState {
  return { index: null, batches: new Map() }
}

const MONTH_COUNT = REPORT_MONTHS.length

function checkBatch(batch: PointBatch): number {
  if (typeof batch.id !== 'string' || batch.id === '')
    throw new Error('setBatch: the batch needs a non-empty string id')
  if (!(batch.positions instanceof Float64Array) || batch.positions.length % 2 !== 0) {
    throw new Error(`setBatch "${batch.id}": positions must be a Float64Array of lng,lat pairs (even length)`)
  }
  const pointCount = batch.positions.length / 2
  const columns = { months: batch.months, kinds: batch.kinds, weights: batch.weights }
  for (const [name, column] of Object.entries(columns)) {
    if (column !== undefined && column.length !== pointCount) {
      throw new Error(`setBatch "${batch.id}": ${name} has ${column.length} values for ${pointCount} points`)
    }
  }
  return pointCount
}

function storedBatch(state: AggregationState, batchId: string): StoredBatch {
  const stored = state.batches.get(batchId)
  if (!stored) throw new Error(`no point batch "${batchId}": send it with setBatch first`)
  return stored
}

function requireIndex(state: AggregationState): TownGridIndex {
  if (!state.index) throw new Error('no towns: send them with setTowns first')
  return state.index
}

function townsOfPoints(state: AggregationState, stored: StoredBatch): Int32Array {
  stored.towns ??= requireIndex(state).assign(stored.batch.positions)
  return stored.towns
}

/** A 256-entry table: allowed[value] === 1 when the filter keeps that value. */
function lookupTable(values: readonly number[]): Uint8Array {
  const allowed = new Uint8Array(256)
  for (const value of values) if (Number.isInteger(value) && value >= 0 && value <= 255) allowed[value] = 1
  return allowed
}

/** The filter as a per-point predicate, or null when it keeps every point. */
function keepPredicate(stored: StoredBatch, filter: PointFilter | undefined): ((point: number) => boolean) | null {
  const { batch } = stored
  if (filter?.months && !batch.months)
    throw new Error(`batch "${batch.id}" has no months, but the filter selects months`)
  if (filter?.kinds && !batch.kinds) throw new Error(`batch "${batch.id}" has no kinds, but the filter selects kinds`)
  const months = filter?.months && batch.months ? { values: batch.months, allowed: lookupTable(filter.months) } : null
  const kinds = filter?.kinds && batch.kinds ? { values: batch.kinds, allowed: lookupTable(filter.kinds) } : null
  if (months && kinds)
    return (point) => months.allowed[months.values[point]!] === 1 && kinds.allowed[kinds.values[point]!] === 1
  if (months) return (point) => months.allowed[months.values[point]!] === 1
  if (kinds) return (point) => kinds.allowed[kinds.values[point]!] === 1
  return null
}

/** Town indices to unique codes: a code listed twice is one town (as in aggregate.ts). */
function codeSlots(codes: readonly string[]): { unique: string[]; slotOfTown: Int32Array } {
  const unique: string[] = []
  const slotOfTown = new Int32Array(codes.length)
  codes.forEach((code, town) => {
    let slot = unique.indexOf(code)
    if (slot === -1) slot = unique.push(code) - 1
    slotOfTown[town] = slot
  })
  return { unique, slotOfTown }
}

function countByTown(state: AggregationState, batchId: string, filter: PointFilter | undefined): TownCountResult {
  const started = performance.now()
  const stored = storedBatch(state, batchId)
  const keep = keepPredicate(stored, filter)
  const townOf = townsOfPoints(state, stored)
  const { unique, slotOfTown } = codeSlots(requireIndex(state).codes)
  const counts = new Array<number>(unique.length).fill(0)
  const perTown = new Int32Array(slotOfTown.length)
  let outside = 0
  for (let point = 0; point < townOf.length; point++) {
    if (keep && !keep(point)) continue
    const town = townOf[point]!
    if (town === OUTSIDE_TOWNS) outside++
    else perTown[town]!++
  }
  perTown.forEach((count, town) => (counts[slotOfTown[town]!]! += count))
  return { codes: unique, counts, outside, ms: performance.now() - started }
}

function monthlyByTown(
  state: AggregationState,
  batchId: string,
  filter: PointFilter | undefined,
): Record<string, number[]> {
  const stored = storedBatch(state, batchId)
  const months = stored.batch.months
  if (!months) throw new Error(`batch "${batchId}" has no months: monthly counts need them`)
  const keep = keepPredicate(stored, filter)
  const townOf = townsOfPoints(state, stored)
  const { unique, slotOfTown } = codeSlots(requireIndex(state).codes)
  const series = unique.map(() => new Array<number>(MONTH_COUNT).fill(0))
  for (let point = 0; point < townOf.length; point++) {
    const town = townOf[point]!
    const month = months[point]!
    if (town === OUTSIDE_TOWNS || month < 1 || month > MONTH_COUNT || (keep && !keep(point))) continue
    series[slotOfTown[town]!]![month - 1]! += 1
  }
  return Object.fromEntries(unique.map((code, slot) => [code, series[slot]!]))
}

function filteredPoints(state: AggregationState, batchId: string, filter: PointFilter | undefined): FilteredPoints {
  const stored = storedBatch(state, batchId)
  const { positions, weights } = stored.batch
  const keep = keepPredicate(stored, filter)
  // Always a copy: the stored batch must stay whole for the next request, and the copy is transferred.
  if (!keep) return { positions: positions.slice(), weights: weights ? weights.slice() : null }
  let kept = 0
  for (let point = 0; point < stored.pointCount; point++) if (keep(point)) kept++
  const keptPositions = new Float64Array(kept * 2)
  const keptWeights = weights ? new Float32Array(kept) : null
  let next = 0
  for (let point = 0; point < stored.pointCount; point++) {
    if (!keep(point)) continue
    keptPositions[2 * next] = positions[2 * point]!
    keptPositions[2 * next + 1] = positions[2 * point + 1]!
    if (keptWeights && weights) keptWeights[next] = weights[point]!
    next++
  }
  return { positions: keptPositions, weights: keptWeights }
}

function reply<K extends AggregationRequestType>(
  id: number,
  type: K,
  result: AggregationResults[K],
  transfer: ArrayBuffer[] = [],
): HandledRequest {
  return { response: { id, ok: true, type, result } as AggregationResponse, transfer }
}

/** Handles one request against the worker's state; never throws (errors become error replies). */
export function handleAggregationRequest(state: AggregationState, request: AggregationRequest): HandledRequest {
  try {
    switch (request.type) {
      case 'setTowns': {
        const started = performance.now()
        state.index = buildTownGridIndex(request.towns)
        // Points were placed in the old towns: place them again on next use.
        for (const stored of state.batches.values()) stored.towns = null
        return reply(request.id, 'setTowns', { townCount: request.towns.length, ms: performance.now() - started })
      }
      case 'setBatch': {
        const pointCount = checkBatch(request.batch)
        state.batches.set(request.batch.id, { batch: request.batch, pointCount, towns: null })
        return reply(request.id, 'setBatch', { pointCount })
      }
      case 'deleteBatch':
        return reply(request.id, 'deleteBatch', { deleted: state.batches.delete(request.batchId) })
      case 'countByTown':
        return reply(request.id, 'countByTown', countByTown(state, request.batchId, request.filter))
      case 'monthlyByTown':
        return reply(request.id, 'monthlyByTown', monthlyByTown(state, request.batchId, request.filter))
      case 'binnedPoints': {
        const stored = storedBatch(state, request.batchId)
        const keep = keepPredicate(stored, request.filter) ?? undefined
        const result = binPoints(stored.batch.positions, stored.batch.weights ?? null, request.cellDegrees, keep)
        const transfer = [
          result.positions.buffer,
          result.counts.buffer,
          ...(result.weights ? [result.weights.buffer] : []),
        ] as ArrayBuffer[]
        return reply(request.id, 'binnedPoints', result, transfer)
      }
      case 'filteredPoints': {
        const result = filteredPoints(state, request.batchId, request.filter)
        const transfer = [result.positions.buffer, ...(result.weights ? [result.weights.buffer] : [])] as ArrayBuffer[]
        return reply(request.id, 'filteredPoints', result, transfer)
      }
      default: {
        const unknownType: never = request
        throw new Error(`unknown request ${JSON.stringify(unknownType)}`)
      }
    }
  } catch (error) {
    return {
      response: { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) },
      transfer: [],
    }
  }
}
