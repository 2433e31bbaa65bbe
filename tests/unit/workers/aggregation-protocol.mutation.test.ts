// The aggregation worker's handler at its edges: exact error replies, filter values out of range,
// months outside the report, results without weights, and what is transferred.
import { describe, expect, test } from 'vitest'
import {
  createAggregationState,
  handleAggregationRequest,
  type AggregationRequest,
  type AggregationResponse,
  type AggregationState,
  type PointBatch,
} from '../../../src/workers/aggregation-protocol'
import type { TownArea } from '../../../src/domain/geometry/aggregate'

const square = (west: number): number[][] => [
  [west, 0],
  [west + 1, 0],
  [west + 1, 1],
  [west, 1],
  [west, 0],
]
const towns: TownArea[] = [
  { code: 'A', name: 'a', geometry: { type: 'Polygon', coordinates: [square(0)] } },
  { code: 'B', name: 'b', geometry: { type: 'Polygon', coordinates: [square(1)] } },
]

type RequestBody = AggregationRequest extends infer R ? (R extends AggregationRequest ? Omit<R, 'id'> : never) : never
let nextId = 1
const send = (state: AggregationState, request: RequestBody) =>
  handleAggregationRequest(state, { ...request, id: nextId++ } as AggregationRequest)
const error = (response: AggregationResponse) => (response.ok ? null : response.error)
const result = (response: AggregationResponse) => {
  if (!response.ok) throw new Error(response.error)
  return response.result
}

/** Points at x = 0.5 (A), 1.5 (B) and 5 (outside), in that order, repeated. */
function batch(months: number[], kinds?: number[], weights?: number[]): PointBatch {
  const positions = new Float64Array(months.length * 2)
  months.forEach((_, i) => {
    positions[2 * i] = [0.5, 1.5, 5][i % 3]!
    positions[2 * i + 1] = 0.5
  })
  return {
    id: 'b',
    positions,
    months: Uint8Array.from(months),
    ...(kinds ? { kinds: Uint8Array.from(kinds) } : {}),
    ...(weights ? { weights: Float32Array.from(weights) } : {}),
  }
}

function stateWith(points: PointBatch, withTowns = true): AggregationState {
  const state = createAggregationState()
  if (withTowns) result(send(state, { type: 'setTowns', towns }).response)
  result(send(state, { type: 'setBatch', batch: points }).response)
  return state
}

describe('setBatch is checked', () => {
  test.each([
    [{ id: '', positions: new Float64Array(2) }, 'setBatch: the batch needs a non-empty string id'],
    [{ id: 7, positions: new Float64Array(2) }, 'setBatch: the batch needs a non-empty string id'],
    [
      { id: 'f', positions: new Float32Array(2) },
      'setBatch "f": positions must be a Float64Array of lng,lat pairs (even length)',
    ],
    [
      { id: 'k', positions: new Float64Array(4), kinds: new Uint8Array(3) },
      'setBatch "k": kinds has 3 values for 2 points',
    ],
    [
      { id: 'w', positions: new Float64Array(4), weights: new Float32Array(1) },
      'setBatch "w": weights has 1 values for 2 points',
    ],
  ])('%#: %s', (bad, message) => {
    const state = createAggregationState()
    const { response, transfer } = send(state, { type: 'setBatch', batch: bad as PointBatch })
    expect(response).toEqual({ id: nextId - 1, ok: false, error: message })
    expect(transfer).toEqual([])
    expect(state.batches.size).toBe(0)
  })

  test('a good batch answers with its point count; an empty one has none', () => {
    const state = createAggregationState()
    const { response } = send(state, { type: 'setBatch', batch: batch([1, 2, 3]) })
    expect(response).toEqual({ id: nextId - 1, ok: true, type: 'setBatch', result: { pointCount: 3 } })
    expect(
      result(send(state, { type: 'setBatch', batch: { id: 'e', positions: new Float64Array(0) } }).response),
    ).toEqual({ pointCount: 0 })
  })
})

describe('filters', () => {
  test('values outside 0…255 and non-integers select nothing; 0 and 255 are values', () => {
    const state = stateWith(batch([1, 1, 1, 1, 1, 1], [0, 255, 7, 0, 255, 7]))
    const count = (kinds: number[]) =>
      result(send(state, { type: 'countByTown', batchId: 'b', filter: { kinds } }).response) as {
        counts: number[]
        outside: number
      }
    expect(count([0])).toMatchObject({ counts: [2, 0], outside: 0 })
    expect(count([255])).toMatchObject({ counts: [0, 2], outside: 0 })
    expect(count([-1, 256, 7.5, Number.NaN])).toMatchObject({ counts: [0, 0], outside: 0 })
  })

  test('kinds asked of a batch without them is an error naming the batch', () => {
    const state = stateWith(batch([1, 2]))
    expect(error(send(state, { type: 'countByTown', batchId: 'b', filter: { kinds: [1] } }).response)).toBe(
      'batch "b" has no kinds, but the filter selects kinds',
    )
    const bare = createAggregationState()
    result(send(bare, { type: 'setBatch', batch: { id: 'p', positions: new Float64Array(2) } }).response)
    expect(error(send(bare, { type: 'filteredPoints', batchId: 'p', filter: { months: [1] } }).response)).toBe(
      'batch "p" has no months, but the filter selects months',
    )
  })

  test('months and kinds together keep the points passing both', () => {
    const state = stateWith(batch([1, 1, 1, 2, 2, 2], [0, 1, 0, 0, 1, 0]))
    const both = result(
      send(state, { type: 'filteredPoints', batchId: 'b', filter: { months: [1], kinds: [0] } }).response,
    ) as { positions: Float64Array }
    expect(Array.from(both.positions)).toEqual([0.5, 0.5, 5, 0.5])
  })
})

describe('counts', () => {
  test('codes, counts and points outside, with the time taken', () => {
    const state = stateWith(batch([1, 2, 3, 4]))
    const counted = result(send(state, { type: 'countByTown', batchId: 'b' }).response) as Record<string, unknown>
    expect(counted).toMatchObject({ codes: ['A', 'B'], counts: [2, 1], outside: 1 })
    expect(counted.ms).toBeGreaterThanOrEqual(0)
    expect(error(send(createAggregationState(), { type: 'monthlyByTown', batchId: 'b' }).response)).toBe(
      'no point batch "b": send it with setBatch first',
    )
  })

  test('monthly series skip months outside 1…10 and points outside every town', () => {
    // months 0 and 11 are not report months; the third point of each three is outside.
    const state = stateWith(batch([0, 11, 1, 1, 10, 10, 10]))
    expect(result(send(state, { type: 'monthlyByTown', batchId: 'b' }).response)).toEqual({
      A: [1, 0, 0, 0, 0, 0, 0, 0, 0, 1],
      B: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    })
  })

  test('monthly series apply the filter, and need towns', () => {
    const state = stateWith(batch([3, 3, 3, 3], [1, 1, 1, 2]))
    expect(result(send(state, { type: 'monthlyByTown', batchId: 'b', filter: { kinds: [1] } }).response)).toEqual({
      A: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
      B: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
    })
    expect(error(send(stateWith(batch([1]), false), { type: 'monthlyByTown', batchId: 'b' }).response)).toBe(
      'no towns: send them with setTowns first',
    )
  })
})

describe('points back', () => {
  test('filtered points without weights: null weights, one buffer transferred', () => {
    const state = stateWith(batch([1, 2, 1]), false)
    const { response, transfer } = send(state, { type: 'filteredPoints', batchId: 'b', filter: { months: [1] } })
    const points = result(response) as { positions: Float64Array; weights: Float32Array | null }
    expect(Array.from(points.positions)).toEqual([0.5, 0.5, 5, 0.5])
    expect(points.weights).toBeNull()
    expect(transfer).toEqual([points.positions.buffer])
    const all = send(state, { type: 'filteredPoints', batchId: 'b' })
    expect((result(all.response) as { weights: unknown }).weights).toBeNull()
    expect(all.transfer).toHaveLength(1)
  })

  test('unfiltered points with weights: copies of both', () => {
    const points = batch([1, 2], undefined, [0.5, 1.5])
    const state = stateWith(points, false)
    const { response, transfer } = send(state, { type: 'filteredPoints', batchId: 'b' })
    const got = result(response) as { positions: Float64Array; weights: Float32Array }
    expect(Array.from(got.weights)).toEqual([0.5, 1.5])
    expect(got.weights).not.toBe(points.weights)
    expect(transfer).toEqual([got.positions.buffer, got.weights.buffer])
  })

  test('binned points without weights transfer positions and counts only; no filter keeps all', () => {
    const state = stateWith(batch([1, 2, 3, 4, 5, 6]), false)
    const { response, transfer } = send(state, { type: 'binnedPoints', batchId: 'b', cellDegrees: 1 })
    const binned = result(response) as { counts: Float32Array; weights: Float32Array | null; positions: Float64Array }
    expect(Array.from(binned.counts).reduce((a, b) => a + b, 0)).toBe(6)
    expect(binned.weights).toBeNull()
    expect(transfer).toEqual([binned.positions.buffer, binned.counts.buffer])
  })
})

describe('other requests', () => {
  test('deleting an unknown batch says so', () => {
    expect(result(send(createAggregationState(), { type: 'deleteBatch', batchId: 'x' }).response)).toEqual({
      deleted: false,
    })
  })

  test('setTowns answers with the number of towns', () => {
    const reply = result(send(createAggregationState(), { type: 'setTowns', towns }).response) as {
      townCount: number
      ms: number
    }
    expect(reply.townCount).toBe(2)
    expect(reply.ms).toBeGreaterThanOrEqual(0)
  })

  test('an unknown request type is an error reply naming it', () => {
    const { response } = handleAggregationRequest(createAggregationState(), {
      id: 5,
      type: 'explode',
    } as unknown as AggregationRequest)
    expect(response).toEqual({ id: 5, ok: false, error: 'unknown request {"id":5,"type":"explode"}' })
  })
})
