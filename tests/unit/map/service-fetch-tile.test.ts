/**
 * A service's tile with its deadline and its answer checked: an XML exception sent with 200 (as a WMS
 * does) is quoted, an HTML page is not taken for a picture, "no tile here" is an empty tile, a
 * refusal gives its status, and a server that never answers times out.
 */
import { afterEach, describe, expect, test, vi } from 'vitest'
import { fetchTileBytes, ServiceAnswerError } from '../../../src/map/service-tiles/fetch-tile'
import { HttpStatusError, NetworkTimeoutError } from '../../../src/settings/network-timeouts'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

const answer = (body: BodyInit, type: string, status = 200) =>
  vi.fn(async () => new Response(body, { status, headers: { 'Content-Type': type } }))

describe('a service tile', () => {
  test('an image is taken as it is', async () => {
    vi.stubGlobal('fetch', answer(new Uint8Array([137, 80, 78, 71]), 'image/png'))
    const tile = await fetchTileBytes('https://a.cn/t.png', 'image', 1000, new AbortController().signal)
    expect(tile?.type).toBe('image/png')
    expect(new Uint8Array(tile!.bytes)).toEqual(new Uint8Array([137, 80, 78, 71]))
  })

  test('a WMS exception sent with 200 is quoted, not drawn', async () => {
    const xml = `<?xml version="1.0"?><ServiceExceptionReport version="1.3.0">
      <ServiceException code="LayerNotDefined">Could not find layer zj:redline</ServiceException>
      </ServiceExceptionReport>`
    vi.stubGlobal('fetch', answer(xml, 'application/vnd.ogc.se_xml'))
    const failed = fetchTileBytes('https://a.cn/wms', 'image', 1000, new AbortController().signal)
    await expect(failed).rejects.toThrow(ServiceAnswerError)
    await expect(fetchTileBytes('https://a.cn/wms', 'image', 1000, new AbortController().signal)).rejects.toThrow(
      'Could not find layer zj:redline',
    )
  })

  test('an HTML page is not a picture; a vector tile must not be text either', async () => {
    vi.stubGlobal('fetch', answer('<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html'))
    await expect(fetchTileBytes('https://a.cn/t', 'image', 1000, new AbortController().signal)).rejects.toThrow(
      '502 Bad Gateway',
    )
    vi.stubGlobal('fetch', answer('{"error":{"code":498,"message":"Invalid token"}}', 'application/json'))
    await expect(fetchTileBytes('https://a.cn/t.pbf', 'binary', 1000, new AbortController().signal)).rejects.toThrow(
      'Invalid token',
    )
  })

  test('no tile there is an empty tile; a refusal gives its status', async () => {
    vi.stubGlobal('fetch', answer('', 'text/plain', 404))
    await expect(fetchTileBytes('https://a.cn/t', 'image', 1000, new AbortController().signal)).resolves.toBeNull()
    vi.stubGlobal('fetch', answer('', 'text/plain', 403))
    const refused = fetchTileBytes('https://a.cn/t', 'image', 1000, new AbortController().signal)
    await expect(refused).rejects.toBeInstanceOf(HttpStatusError)
  })

  test('a server that never answers times out; a tile the map dropped is not a timeout', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_, reject) =>
            init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
          ),
      ),
    )
    const late = fetchTileBytes('https://a.cn/t', 'image', 20, new AbortController().signal)
    await expect(late).rejects.toBeInstanceOf(NetworkTimeoutError)
    const dropped = new AbortController()
    const abandoned = fetchTileBytes('https://a.cn/t', 'image', 10_000, dropped.signal)
    dropped.abort()
    await expect(abandoned).rejects.toMatchObject({ name: 'AbortError' })
  })
})
