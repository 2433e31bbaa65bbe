/**
 * GeoJSON at an address: fetched with the service deadline and a 50 MB limit, then read by the import
 * engine in its worker as a file named after the address; what cannot be read is refused naming the
 * address, with the engine's first reason, in both languages. Worker and fetch are in-process stand-ins.
 */
import { afterEach, describe, expect, test, vi } from 'vitest'
import { fetchRemoteGeojson, MAX_REMOTE_GEOJSON_BYTES } from '../../../../src/user-data/services/remote-geojson'
import { HttpStatusError, NetworkTimeoutError } from '../../../../src/settings/network-timeouts'
import type { ImportResult } from '../../../../src/user-data/import/types'
import { stubWorkers } from '../../support/in-process-workers'
import { refusal } from '../../support/service-refusal'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

const ENCODE = new TextEncoder()

function collection(...points: [number, number][]) {
  return {
    type: 'FeatureCollection',
    features: points.map(([lng, lat], i) => ({
      type: 'Feature',
      properties: { 名称: `站点${i + 1}` },
      geometry: { type: 'Point', coordinates: [lng, lat] },
    })),
  }
}

/** A server that answers every request with `body` (status 200 unless told). */
function serve(body: string | Uint8Array<ArrayBuffer>, status = 200) {
  const fetch = vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(typeof body === 'string' ? ENCODE.encode(body) : body, { status }),
  )
  vi.stubGlobal('fetch', fetch)
  return fetch
}

describe('GeoJSON at an address', () => {
  test('its features are read by the import engine from a file named after the address', async () => {
    const workers = stubWorkers()
    const fetch = serve(JSON.stringify(collection([119.7, 29.1], [119.8, 29.2])))
    const url = 'https://data.jindong.gov.cn/open/%E7%9B%91%E6%B5%8B%E7%AB%99.geojson?date=2026-05-01'
    const features = await fetchRemoteGeojson(url)
    expect(fetch.mock.calls[0]![0]).toBe(url)
    expect(features.features.map((f) => [f.properties?.['名称'], f.geometry])).toEqual([
      ['站点1', { type: 'Point', coordinates: [119.7, 29.1] }],
      ['站点2', { type: 'Point', coordinates: [119.8, 29.2] }],
    ])
    const request = workers[0]!.requests[0] as { file: File; options: object }
    expect(request.file.name).toBe('监测站.geojson')
    expect(request.options).toEqual({ declaredCrs: 'auto' })
    expect(workers[0]!.terminated).toBe(true)
  })

  test('an address without a .json name is read as feed.geojson or <name>.geojson', async () => {
    const workers = stubWorkers()
    serve(JSON.stringify(collection([119.7, 29.1])))
    await fetchRemoteGeojson('https://iot.example.cn/api/stations?f=geojson')
    await fetchRemoteGeojson('https://iot.example.cn/')
    await fetchRemoteGeojson('https://iot.example.cn/export/points.json')
    const names = workers.map((worker) => (worker.requests[0] as { file: File }).file.name)
    expect(names).toEqual(['stations.geojson', 'feed.geojson', 'points.json'])
  })

  test('the file handed to the engine holds the bytes the server sent', async () => {
    const workers = stubWorkers()
    const body = JSON.stringify(collection([119.7, 29.1]))
    serve(body)
    await fetchRemoteGeojson('https://iot.example.cn/stations.geojson')
    expect(await (workers[0]!.requests[0] as { file: File }).file.text()).toBe(body)
  })

  test('a feed over 50 MB is refused before it is read, with what to do', async () => {
    const workers = stubWorkers()
    serve(new Uint8Array(MAX_REMOTE_GEOJSON_BYTES + 1))
    const url = 'https://data.example.cn/all.geojson'
    expect(await refusal(fetchRemoteGeojson(url))).toEqual({
      zh: 'https://data.example.cn/all.geojson 超过 50 MB，请下载后按文件导入。',
      en: 'https://data.example.cn/all.geojson is over 50 MB: download it and import it as a file.',
    })
    expect(workers).toEqual([])
  })

  test('a feed of exactly 50 MB is still read', async () => {
    stubWorkers()
    const text = JSON.stringify(collection([119.7, 29.1]))
    const bytes = new Uint8Array(MAX_REMOTE_GEOJSON_BYTES).fill(0x20)
    ENCODE.encodeInto(text, bytes)
    serve(bytes)
    const features = await fetchRemoteGeojson('https://data.example.cn/padded.geojson')
    expect(features.features).toHaveLength(1)
  })

  test('an answer that is not GeoJSON is refused with the engine’s first reason, in both languages', async () => {
    stubWorkers()
    serve(JSON.stringify({ code: 500, msg: '系统维护中' }))
    const problem = await refusal(fetchRemoteGeojson('https://data.example.cn/rivers.geojson'))
    expect(problem).toEqual({
      zh:
        'https://data.example.cn/rivers.geojson 不能作为 GeoJSON 读取：' +
        'type 为 nothing，应为 FeatureCollection、Feature 或几何类型；未导入任何要素',
      en:
        'https://data.example.cn/rivers.geojson cannot be read as GeoJSON: ' +
        '"type" is nothing; expected FeatureCollection, Feature or a geometry type; nothing was imported',
    })
  })

  test('a result without features and without a reason says there are no usable features', async () => {
    const empty = { ok: true, data: null, problems: [] } as unknown as ImportResult
    stubWorkers({ importEngine: async () => empty })
    serve(JSON.stringify(collection([119.7, 29.1])))
    expect(await refusal(fetchRemoteGeojson('https://data.example.cn/a.geojson'))).toEqual({
      zh: 'https://data.example.cn/a.geojson 不能作为 GeoJSON 读取：没有可用的要素',
      en: 'https://data.example.cn/a.geojson cannot be read as GeoJSON: no usable features',
    })
  })

  test('a feed over 50,000 points is refused as a feed, not with the engine’s note that draws it', async () => {
    // The engine turns such a set into a point table for deck.gl and says so; a feed must hold features.
    const note = { zh: '大数据点图层：用 WebGL 直接绘制', en: 'large point layer: drawn directly with WebGL' }
    const points = { length: 60_001, positions: new Float32Array(120_002), columns: [] }
    const table = { ok: true, data: null, points, featureCount: 60_001, problems: [{ message: note }] }
    stubWorkers({ importEngine: async () => table as unknown as ImportResult })
    serve(JSON.stringify(collection([119.7, 29.1])))
    expect(await refusal(fetchRemoteGeojson('https://data.example.cn/pm25.geojson'))).toEqual({
      zh:
        'https://data.example.cn/pm25.geojson 有 60,001 个点，超过 50,000 个，不能作为定时刷新的 GeoJSON 图层；' +
        '请下载后按文件导入（作为大数据点图层绘制）。',
      en:
        'https://data.example.cn/pm25.geojson has 60,001 points, over the 50,000 a refreshed GeoJSON layer can ' +
        'hold: download it and import it as a file (drawn as a large point layer).',
    })
  })

  test('a refused result with features is still refused, with its reason', async () => {
    const reason = { zh: '坐标超出范围', en: 'coordinates out of range' }
    const refused = { ok: false, data: collection([119.7, 29.1]), problems: [{ message: reason }] }
    stubWorkers({ importEngine: async () => refused as unknown as ImportResult })
    serve(JSON.stringify(collection([119.7, 29.1])))
    expect(await refusal(fetchRemoteGeojson('https://data.example.cn/b.geojson'))).toEqual({
      zh: 'https://data.example.cn/b.geojson 不能作为 GeoJSON 读取：坐标超出范围',
      en: 'https://data.example.cn/b.geojson cannot be read as GeoJSON: coordinates out of range',
    })
  })

  test('a server that refuses says its HTTP status', async () => {
    stubWorkers()
    serve('not found', 404)
    await expect(fetchRemoteGeojson('https://data.example.cn/gone.geojson')).rejects.toThrow(new HttpStatusError(404))
  })

  test('a server that does not answer is given up after the service deadline, 15 s', async () => {
    vi.useFakeTimers()
    stubWorkers()
    vi.stubGlobal(
      'fetch',
      (_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) =>
          init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    )
    const read = fetchRemoteGeojson('https://slow.example.cn/feed.geojson')
    const settled = read.catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(15_000)
    const error = await settled
    expect(error).toBeInstanceOf(NetworkTimeoutError)
    expect((error as NetworkTimeoutError).seconds).toBe(15)
  })
})
