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
