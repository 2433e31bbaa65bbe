// The aggregation worker's handler: counts, filters and points back against a direct count, and at its
// edges: exact error replies, filter values out of range, months outside the report, results without
// weights, and what is transferred.
import { describe, expect, it } from 'vitest'
import type { TownArea } from '../../../src/domain/geometry/aggregate'
import { AggregationClient, type AggregationPort } from '../../../src/workers/aggregation-client'
import {
  createAggregationState,
  handleAggregationRequest,
  type AggregationRequest,
  type AggregationRequestType,
  type AggregationResponse,
  type AggregationResults,
  type AggregationState,
  type PointBatch,
} from '../../../src/workers/aggregation-protocol'

const square = (west: number, south: number): number[][] => [
  [west, south],
  [west + 1, south],
  [west + 1, south + 1],
  [west, south + 1],
  [west, south],
]
const towns: TownArea[] = [
  { code: 'A', name: 'a', geometry: { type: 'Polygon', coordinates: [square(0, 0)] } },
  { code: 'B', name: 'b', geometry: { type: 'Polygon', coordinates: [square(1, 0)] } },
]

/** Point i: town A when i % 3 === 0, B when 1, outside when 2; month (i % 10) + 1; kind i % 4. */
function batch(count: number) {
  const positions = new Float64Array(count * 2)
  for (let i = 0; i < count; i++) {
    positions[2 * i] = [0.5, 1.5, 5][i % 3]!
    positions[2 * i + 1] = 0.5
  }
  return {
    id: 'readings',
    positions,
    months: Uint8Array.from({ length: count }, (_, i) => (i % 10) + 1),
    kinds: Uint8Array.from({ length: count }, (_, i) => i % 4),
    weights: Float32Array.from({ length: count }, (_, i) => i),
  }
}

/** A request without its id (distributes over the union, so each type keeps its own fields). */
type RequestBody = AggregationRequest extends infer R ? (R extends AggregationRequest ? Omit<R, 'id'> : never) : never

let nextId = 1
function send(state: AggregationState, request: RequestBody) {
  return handleAggregationRequest(state, { ...request, id: nextId++ } as AggregationRequest)
}

/** The result of a successful reply of the given type; throws on an error reply. */
function ok<K extends AggregationRequestType>(response: AggregationResponse, type: K): AggregationResults[K] {
  if (!response.ok) throw new Error(`expected success, got: ${response.error}`)
  if (response.type !== type) throw new Error(`expected a ${type} reply, got ${response.type}`)
  return response.result as AggregationResults[K]
}

function errorOf(response: AggregationResponse): string {
  if (response.ok) throw new Error('expected an error reply')
  return response.error
}

/** Expected counts of batch(count) under a filter, by brute force. */
function expectedCounts(count: number, keep: (i: number) => boolean) {
  const counts = { A: 0, B: 0, outside: 0 }
  for (let i = 0; i < count; i++) if (keep(i)) counts[(['A', 'B', 'outside'] as const)[i % 3]!]++
  return counts
}

describe('aggregation protocol', () => {
  it('answers with errors a person can act on, never by throwing', () => {
    const state = createAggregationState()
    expect(errorOf(send(state, { type: 'countByTown', batchId: 'x' }).response)).toMatch(/no point batch "x"/)
    expect(
      errorOf(send(state, { type: 'setBatch', batch: { id: 'odd', positions: new Float64Array(3) } }).response),
    ).toMatch(/even length/)
    expect(
      errorOf(send(state, { type: 'setBatch', batch: { ...batch(4), months: new Uint8Array(3) } }).response),
    ).toMatch(/months has 3 values for 4 points/)
    ok(send(state, { type: 'setBatch', batch: batch(4) }).response, 'setBatch')
    expect(errorOf(send(state, { type: 'countByTown', batchId: 'readings' }).response)).toMatch(/setTowns first/)
    ok(send(state, { type: 'setBatch', batch: { id: 'bare', positions: new Float64Array(4) } }).response, 'setBatch')
    ok(send(state, { type: 'setTowns', towns }).response, 'setTowns')
    expect(errorOf(send(state, { type: 'countByTown', batchId: 'bare', filter: { months: [1] } }).response)).toMatch(
      /has no months/,
    )
    expect(errorOf(send(state, { type: 'monthlyByTown', batchId: 'bare' }).response)).toMatch(/no months/)
  })

  it('counts per town with month and kind filters', () => {
    const state = createAggregationState()
    const count = 1000
    ok(send(state, { type: 'setTowns', towns }).response, 'setTowns')
    ok(send(state, { type: 'setBatch', batch: batch(count) }).response, 'setBatch')

    const all = ok(send(state, { type: 'countByTown', batchId: 'readings' }).response, 'countByTown')
    const expectAll = expectedCounts(count, () => true)
    expect(all).toMatchObject({ codes: ['A', 'B'], counts: [expectAll.A, expectAll.B], outside: expectAll.outside })

    const filter = { months: [1, 2, 3], kinds: [0, 2] }
    const filtered = ok(send(state, { type: 'countByTown', batchId: 'readings', filter }).response, 'countByTown')
    const expectFiltered = expectedCounts(count, (i) => (i % 10) + 1 <= 3 && [0, 2].includes(i % 4))
    expect(filtered).toMatchObject({ counts: [expectFiltered.A, expectFiltered.B], outside: expectFiltered.outside })

    const none = ok(
      send(state, { type: 'countByTown', batchId: 'readings', filter: { months: [] } }).response,
      'countByTown',
    )
    expect(none).toMatchObject({ counts: [0, 0], outside: 0 })
  })

  it('gives monthly series that add up to the counts', () => {
    const state = createAggregationState()
    ok(send(state, { type: 'setTowns', towns }).response, 'setTowns')
    ok(send(state, { type: 'setBatch', batch: batch(600) }).response, 'setBatch')
    const monthly = ok(
      send(state, { type: 'monthlyByTown', batchId: 'readings', filter: { kinds: [1] } }).response,
      'monthlyByTown',
    )
    const counts = expectedCounts(600, (i) => i % 4 === 1)
    expect(Object.keys(monthly)).toEqual(['A', 'B'])
    expect(monthly.A!.length).toBe(10)
    expect(monthly.A!.reduce((a, b) => a + b, 0)).toBe(counts.A)
    expect(monthly.B!.reduce((a, b) => a + b, 0)).toBe(counts.B)
  })

  it('returns the filtered points with their weights, as buffers to transfer', () => {
    const state = createAggregationState()
    ok(send(state, { type: 'setBatch', batch: batch(20) }).response, 'setBatch')
    const { response, transfer } = send(state, { type: 'filteredPoints', batchId: 'readings', filter: { months: [2] } })
    const reply = ok(response, 'filteredPoints')
    expect(Array.from(reply.weights!)).toEqual([1, 11])
    expect(Array.from(reply.positions)).toEqual([1.5, 0.5, 5, 0.5])
    expect(transfer).toEqual([reply.positions.buffer, reply.weights!.buffer])
    // Needs no towns; and an unfiltered request is a copy, not the stored arrays.
    const everything = ok(send(state, { type: 'filteredPoints', batchId: 'readings' }).response, 'filteredPoints')
    expect(everything.positions.length).toBe(40)
    expect(everything.positions).not.toBe(state.batches.get('readings')!.batch.positions)
  })

  it('bins the filtered points into cells for thinner heatmaps', () => {
    const state = createAggregationState()
    ok(send(state, { type: 'setBatch', batch: batch(30) }).response, 'setBatch')
    const { response, transfer } = send(state, {
      type: 'binnedPoints',
      batchId: 'readings',
      cellDegrees: 0.5,
      filter: { kinds: [0] },
    })
    const binned = ok(response, 'binnedPoints')
    // Kind 0 is every 4th point: 8 of them, at x = 0.5, 1.5 or 5 → three cells.
    expect(Array.from(binned.counts).sort()).toEqual([2, 3, 3])
    expect(binned.weights).not.toBeNull()
    expect(transfer).toHaveLength(3)
    expect(errorOf(send(state, { type: 'binnedPoints', batchId: 'readings', cellDegrees: -1 }).response)).toMatch(
      /positive/,
    )
  })

  it('places the points again when the towns change, and merges towns listed twice', () => {
    const state = createAggregationState()
    ok(send(state, { type: 'setBatch', batch: batch(30) }).response, 'setBatch')
    ok(send(state, { type: 'setTowns', towns }).response, 'setTowns')
    ok(send(state, { type: 'countByTown', batchId: 'readings' }).response, 'countByTown')
    const wide: TownArea[] = [
      { code: 'A', name: 'a', geometry: { type: 'Polygon', coordinates: [square(0, 0)] } },
      { code: 'A', name: 'a again', geometry: { type: 'Polygon', coordinates: [square(5, 0)] } },
    ]
    ok(send(state, { type: 'setTowns', towns: wide }).response, 'setTowns')
    const merged = ok(send(state, { type: 'countByTown', batchId: 'readings' }).response, 'countByTown')
    expect(merged).toMatchObject({ codes: ['A'], counts: [20], outside: 10 })
    expect(ok(send(state, { type: 'deleteBatch', batchId: 'readings' }).response, 'deleteBatch')).toEqual({
      deleted: true,
    })
  })
})

/** A Worker stand-in: runs the handler in-process, cloning and transferring as postMessage does. */
function inProcessPort(): AggregationPort & { terminated: boolean } {
  const state = createAggregationState()
  const port: AggregationPort & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      const received = structuredClone(message, { transfer: transfer as Transferable[] })
      setTimeout(() => {
        if (port.terminated) return
        const { response, transfer: back } = handleAggregationRequest(state, received)
        port.onmessage?.(new MessageEvent('message', { data: structuredClone(response, { transfer: back }) }))
      }, 0)
    },
    terminate() {
      port.terminated = true
    },
  }
  return port
}

describe('aggregation client', () => {
  it('round-trips requests and leaves the caller its own arrays', async () => {
    const client = new AggregationClient(inProcessPort())
    const points = batch(300)
    await client.setTowns(towns)
    await client.setBatch(points)
    // The client transferred copies: the caller's arrays are still whole.
    expect(points.positions.length).toBe(600)
    expect(points.months.length).toBe(300)
    const counts = await client.countByTown('readings', { months: [10] })
    expect(counts).toMatchObject({ codes: ['A', 'B'], counts: [10, 10], outside: 10 })
    expect(counts.ms).toBeGreaterThanOrEqual(0)
    const monthly = await client.monthlyByTown('readings')
    expect(monthly.A!.reduce((a, b) => a + b, 0)).toBe(100)
    const positions = await client.filteredPositions('readings', { kinds: [3] })
    expect(positions).toBeInstanceOf(Float64Array)
    expect(positions.length).toBe(2 * 75)
    client.dispose()
  })

  it('rejects with the worker error, and rejects everything after dispose', async () => {
    const client = new AggregationClient(inProcessPort())
    await expect(client.countByTown('missing')).rejects.toThrow(/countByTown: no point batch "missing"/)
    const waiting = client.setTowns(towns)
    client.dispose()
    await expect(waiting).rejects.toThrow(/disposed/)
    await expect(client.countByTown('readings')).rejects.toThrow(/disposed/)
  })
})

const error = (response: AggregationResponse) => (response.ok ? null : response.error)
const result = (response: AggregationResponse) => {
  if (!response.ok) throw new Error(response.error)
  return response.result
}

/** Points at x = 0.5 (A), 1.5 (B) and 5 (outside), in that order, repeated. */
function pointBatch(months: number[], kinds?: number[], weights?: number[]): PointBatch {
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
  it.each([
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

  it('a good batch answers with its point count; an empty one has none', () => {
    const state = createAggregationState()
    const { response } = send(state, { type: 'setBatch', batch: pointBatch([1, 2, 3]) })
    expect(response).toEqual({ id: nextId - 1, ok: true, type: 'setBatch', result: { pointCount: 3 } })
    expect(
      result(send(state, { type: 'setBatch', batch: { id: 'e', positions: new Float64Array(0) } }).response),
    ).toEqual({ pointCount: 0 })
  })
})

describe('filters', () => {
  it('values outside 0…255 and non-integers select nothing; 0 and 255 are values', () => {
    const state = stateWith(pointBatch([1, 1, 1, 1, 1, 1], [0, 255, 7, 0, 255, 7]))
    const count = (kinds: number[]) =>
      result(send(state, { type: 'countByTown', batchId: 'b', filter: { kinds } }).response) as {
        counts: number[]
        outside: number
      }
    expect(count([0])).toMatchObject({ counts: [2, 0], outside: 0 })
    expect(count([255])).toMatchObject({ counts: [0, 2], outside: 0 })
    expect(count([-1, 256, 7.5, Number.NaN])).toMatchObject({ counts: [0, 0], outside: 0 })
  })

  it('kinds asked of a batch without them is an error naming the batch', () => {
    const state = stateWith(pointBatch([1, 2]))
    expect(error(send(state, { type: 'countByTown', batchId: 'b', filter: { kinds: [1] } }).response)).toBe(
      'batch "b" has no kinds, but the filter selects kinds',
    )
    const bare = createAggregationState()
    result(send(bare, { type: 'setBatch', batch: { id: 'p', positions: new Float64Array(2) } }).response)
    expect(error(send(bare, { type: 'filteredPoints', batchId: 'p', filter: { months: [1] } }).response)).toBe(
      'batch "p" has no months, but the filter selects months',
    )
  })

  it('months and kinds together keep the points passing both', () => {
    const state = stateWith(pointBatch([1, 1, 1, 2, 2, 2], [0, 1, 0, 0, 1, 0]))
    const both = result(
      send(state, { type: 'filteredPoints', batchId: 'b', filter: { months: [1], kinds: [0] } }).response,
    ) as { positions: Float64Array }
    expect(Array.from(both.positions)).toEqual([0.5, 0.5, 5, 0.5])
  })
})

describe('counts', () => {
  it('codes, counts and points outside, with the time taken', () => {
    const state = stateWith(pointBatch([1, 2, 3, 4]))
    const counted = result(send(state, { type: 'countByTown', batchId: 'b' }).response) as Record<string, unknown>
    expect(counted).toMatchObject({ codes: ['A', 'B'], counts: [2, 1], outside: 1 })
    expect(counted.ms).toBeGreaterThanOrEqual(0)
    expect(error(send(createAggregationState(), { type: 'monthlyByTown', batchId: 'b' }).response)).toBe(
      'no point batch "b": send it with setBatch first',
    )
  })

  it('monthly series skip months outside 1…10 and points outside every town', () => {
    // months 0 and 11 are not report months; the third point of each three is outside.
    const state = stateWith(pointBatch([0, 11, 1, 1, 10, 10, 10]))
    expect(result(send(state, { type: 'monthlyByTown', batchId: 'b' }).response)).toEqual({
      A: [1, 0, 0, 0, 0, 0, 0, 0, 0, 1],
      B: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    })
  })

  it('monthly series apply the filter, and need towns', () => {
    const state = stateWith(pointBatch([3, 3, 3, 3], [1, 1, 1, 2]))
    expect(result(send(state, { type: 'monthlyByTown', batchId: 'b', filter: { kinds: [1] } }).response)).toEqual({
      A: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
      B: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
    })
    expect(error(send(stateWith(pointBatch([1]), false), { type: 'monthlyByTown', batchId: 'b' }).response)).toBe(
      'no towns: send them with setTowns first',
    )
  })
})

describe('points back', () => {
  it('filtered points without weights: null weights, one buffer transferred', () => {
    const state = stateWith(pointBatch([1, 2, 1]), false)
    const { response, transfer } = send(state, { type: 'filteredPoints', batchId: 'b', filter: { months: [1] } })
    const points = result(response) as { positions: Float64Array; weights: Float32Array | null }
    expect(Array.from(points.positions)).toEqual([0.5, 0.5, 5, 0.5])
    expect(points.weights).toBeNull()
    expect(transfer).toEqual([points.positions.buffer])
    const all = send(state, { type: 'filteredPoints', batchId: 'b' })
    expect((result(all.response) as { weights: unknown }).weights).toBeNull()
    expect(all.transfer).toHaveLength(1)
  })

  it('unfiltered points with weights: copies of both', () => {
    const points = pointBatch([1, 2], undefined, [0.5, 1.5])
    const state = stateWith(points, false)
    const { response, transfer } = send(state, { type: 'filteredPoints', batchId: 'b' })
    const got = result(response) as { positions: Float64Array; weights: Float32Array }
    expect(Array.from(got.weights)).toEqual([0.5, 1.5])
    expect(got.weights).not.toBe(points.weights)
    expect(transfer).toEqual([got.positions.buffer, got.weights.buffer])
  })

  it('binned points without weights transfer positions and counts only; no filter keeps all', () => {
    const state = stateWith(pointBatch([1, 2, 3, 4, 5, 6]), false)
    const { response, transfer } = send(state, { type: 'binnedPoints', batchId: 'b', cellDegrees: 1 })
    const binned = result(response) as { counts: Float32Array; weights: Float32Array | null; positions: Float64Array }
    expect(Array.from(binned.counts).reduce((a, b) => a + b, 0)).toBe(6)
    expect(binned.weights).toBeNull()
    expect(transfer).toEqual([binned.positions.buffer, binned.counts.buffer])
  })
})

describe('other requests', () => {
  it('deleting an unknown batch says so', () => {
    expect(result(send(createAggregationState(), { type: 'deleteBatch', batchId: 'x' }).response)).toEqual({
      deleted: false,
    })
  })

  it('setTowns answers with the number of towns', () => {
    const reply = result(send(createAggregationState(), { type: 'setTowns', towns }).response) as {
      townCount: number
      ms: number
    }
    expect(reply.townCount).toBe(2)
    expect(reply.ms).toBeGreaterThanOrEqual(0)
  })

  it('an unknown request type is an error reply naming it', () => {
    const { response } = handleAggregationRequest(createAggregationState(), {
      id: 5,
      type: 'explode',
    } as unknown as AggregationRequest)
    expect(response).toEqual({ id: 5, ok: false, error: 'unknown request {"id":5,"type":"explode"}' })
  })
})
