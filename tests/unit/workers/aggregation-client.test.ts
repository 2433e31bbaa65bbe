// The aggregation client against a port that records what is posted and answers by hand: request
// shapes and ids, what is copied and transferred, replies matched by id, errors and disposal.
import { describe, expect, test } from 'vitest'
import { AggregationClient, type AggregationPort } from '../../../src/workers/aggregation-client'
import type { AggregationRequest, AggregationResponse } from '../../../src/workers/aggregation-protocol'
import type { TownArea } from '../../../src/domain/geometry/aggregate'

function recordingPort() {
  const port = {
    posted: [] as { message: AggregationRequest; transfer: Transferable[] }[],
    terminations: 0,
    onmessage: null as AggregationPort['onmessage'],
    onerror: null as AggregationPort['onerror'],
    postMessage(message: AggregationRequest, transfer: Transferable[]) {
      port.posted.push({ message, transfer })
    },
    terminate() {
      port.terminations++
    },
    reply(response: AggregationResponse) {
      port.onmessage?.({ data: response } as MessageEvent<AggregationResponse>)
    },
    last() {
      return port.posted.at(-1)!
    },
  }
  return port
}

const town: TownArea = {
  code: 'A',
  name: '甲',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ],
  },
}

describe('AggregationClient requests', () => {
  test('ids count up from 1; each request type carries its own fields', async () => {
    const port = recordingPort()
    const client = new AggregationClient(port)
    const filter = { months: [1] }
    void client.countByTown('b', filter)
    void client.monthlyByTown('b')
    void client.filteredPoints('b', filter)
    void client.binnedPoints('b', 0.01, filter)
    void client.deleteBatch('b')
    expect(port.posted.map((post) => post.message)).toEqual([
      { id: 1, type: 'countByTown', batchId: 'b', filter },
      { id: 2, type: 'monthlyByTown', batchId: 'b', filter: undefined },
      { id: 3, type: 'filteredPoints', batchId: 'b', filter },
      { id: 4, type: 'binnedPoints', batchId: 'b', filter, cellDegrees: 0.01 },
      { id: 5, type: 'deleteBatch', batchId: 'b' },
    ])
    expect(port.posted.every((post) => post.transfer.length === 0)).toBe(true)
  })

  test('setTowns sends plain copies of code, name and geometry only', async () => {
    const port = recordingPort()
    const client = new AggregationClient(port)
    const extra = { ...town, extra: 'not sent' } as TownArea
    const done = client.setTowns([extra])
    const sent = port.last().message as Extract<AggregationRequest, { type: 'setTowns' }>
    expect(sent.towns).toEqual([{ code: 'A', name: '甲', geometry: town.geometry }])
    expect(sent.towns[0]!.geometry).not.toBe(town.geometry)
    port.reply({ id: sent.id, ok: true, type: 'setTowns', result: { townCount: 1, ms: 0 } })
    await expect(done).resolves.toBeUndefined()
  })

  test('setBatch copies every column it has and transfers the copies, leaving the caller its arrays', async () => {
    const port = recordingPort()
    const client = new AggregationClient(port)
    const batch = {
      id: 'b',
      positions: Float64Array.from([1, 2, 3, 4]),
      months: Uint8Array.from([1, 2]),
      kinds: Uint8Array.from([0, 1]),
      weights: Float32Array.from([0.5, 1.5]),
    }
    void client.setBatch(batch)
    const { message, transfer } = port.last()
    const sent = (message as Extract<AggregationRequest, { type: 'setBatch' }>).batch
    expect(sent).toEqual(batch)
    for (const key of ['positions', 'months', 'kinds', 'weights'] as const) expect(sent[key]).not.toBe(batch[key])
    expect(transfer).toEqual([sent.positions.buffer, sent.months!.buffer, sent.kinds!.buffer, sent.weights!.buffer])
    void client.setBatch({ id: 'p', positions: Float64Array.from([1, 2]) })
    const bare = port.last()
    expect(Object.keys((bare.message as Extract<AggregationRequest, { type: 'setBatch' }>).batch)).toEqual([
      'id',
      'positions',
    ])
    expect(bare.transfer).toHaveLength(1)
  })
})

describe('AggregationClient replies', () => {
  test('each reply settles the request of its id; unknown ids are ignored', async () => {
    const port = recordingPort()
    const client = new AggregationClient(port)
    const first = client.deleteBatch('x')
    const second = client.filteredPositions('y')
    port.reply({ id: 99, ok: true, type: 'deleteBatch', result: { deleted: true } })
    port.reply({
      id: 2,
      ok: true,
      type: 'filteredPoints',
      result: { positions: Float64Array.from([5, 6]), weights: null },
    })
    port.reply({ id: 1, ok: true, type: 'deleteBatch', result: { deleted: false } })
    await expect(first).resolves.toBe(false)
    await expect(second).resolves.toEqual(Float64Array.from([5, 6]))
    // A second reply to a settled id changes nothing.
    port.reply({ id: 1, ok: false, error: 'late' })
  })

  test('an error reply rejects with the request type and the message', async () => {
    const port = recordingPort()
    const client = new AggregationClient(port)
    const counting = client.countByTown('missing')
    port.reply({ id: 1, ok: false, error: 'no point batch "missing"' })
    await expect(counting).rejects.toThrow('aggregation countByTown: no point batch "missing"')
  })

  test('a worker error rejects everything waiting, with its message or "could not start"', async () => {
    const port = recordingPort()
    const client = new AggregationClient(port)
    const a = client.countByTown('a')
    const b = client.monthlyByTown('b')
    port.onerror?.({ message: 'boom' } as ErrorEvent)
    await expect(a).rejects.toThrow('aggregation worker failed: boom')
    await expect(b).rejects.toThrow('aggregation worker failed: boom')
    const c = client.countByTown('c')
    port.onerror?.({ message: '' } as ErrorEvent)
    await expect(c).rejects.toThrow('aggregation worker failed: could not start')
  })

  test('dispose terminates once, rejects what is waiting and everything after', async () => {
    const port = recordingPort()
    const client = new AggregationClient(port)
    const waiting = client.countByTown('a')
    client.dispose()
    client.dispose()
    expect(port.terminations).toBe(1)
    await expect(waiting).rejects.toThrow('aggregation worker disposed')
    await expect(client.deleteBatch('a')).rejects.toThrow('aggregation worker disposed')
    expect(port.posted).toHaveLength(1)
  })
})
