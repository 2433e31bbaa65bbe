/**
 * Reading a service before it becomes a layer: a file that is not a PMTiles archive, a PMTiles
 * archive's header and layers, a vector tile template's layers read from one tile, and GeoJSON at an
 * address through the import engine.
 */
import { afterEach, describe, expect, test, vi } from 'vitest'
import { readService } from '../../../../src/user-data/services/read-service'
import { ServiceReadError } from '../../../../src/domain/services/service-problem'
import { writePmtiles } from '../../../fixtures/support/pmtiles-writer'

afterEach(() => vi.unstubAllGlobals())

const field = (number: number, bytes: number[]) => [(number << 3) | 2, bytes.length, ...bytes]
const text = (s: string) => [...new TextEncoder().encode(s)]

describe('reading a service', () => {
  test('a file that is not a PMTiles archive is refused with its name', async () => {
    const file = new File(['<html>not tiles</html>'], 'map.pmtiles')
    const failed = readService({ kind: 'pmtiles', url: '', file, crs: 'WGS84' })
    await expect(failed).rejects.toBeInstanceOf(ServiceReadError)
    await expect(readService({ kind: 'pmtiles', url: '', file, crs: 'WGS84' })).rejects.toThrow(
      'map.pmtiles is not a PMTiles archive',
    )
  })

  test('a vector PMTiles archive: its layers, zooms, bounds and name', async () => {
    const bytes = writePmtiles([{ z: 3, x: 6, y: 3, bytes: Buffer.from([0x1a, 0]) }], {
      tileType: 1,
      bounds: [119.4, 28.8, 120.2, 29.5],
      metadata: { name: '河网', attribution: '<a href="x">测试</a>', vector_layers: [{ id: 'rivers' }] },
    })
    const file = new File([new Uint8Array(bytes)], 'rivers.pmtiles')
    const reading = await readService({ kind: 'pmtiles', url: '', file, crs: 'WGS84' })
    if (reading.kind !== 'ready') throw new Error('expected a ready layer')
    expect(reading.definition).toMatchObject({
      kind: 'pmtiles',
      title: '河网',
      attribution: '测试',
      pmtiles: { tileType: 'mvt', fromFile: true },
      vector: { sourceLayers: ['rivers'] },
      minzoom: 3,
      maxzoom: 3,
    })
    expect(reading.definition.bounds?.[0]).toBeCloseTo(119.4, 5)
    expect(reading.file).toBe(file)
  })

  test('a vector tile template: its layers read from the tile over the district', async () => {
    const tile = new Uint8Array([...field(3, field(1, text('roads'))), ...field(3, field(1, text('水系')))])
    const fetch = vi.fn(
      async (_url: string) => new Response(tile, { headers: { 'Content-Type': 'application/x-protobuf' } }),
    )
    vi.stubGlobal('fetch', fetch)
    const reading = await readService({
      kind: 'vector-tiles',
      url: 'https://tiles.example.cn/base/{z}/{x}/{y}.pbf',
      crs: 'WGS84',
    })
    expect(fetch.mock.calls[0]![0]).toBe('https://tiles.example.cn/base/10/852/425.pbf')
    if (reading.kind !== 'ready') throw new Error('expected a ready layer')
    expect(reading.definition.vector?.sourceLayers).toEqual(['roads', '水系'])
    expect(reading.definition.title).toBe('tiles.example.cn/base')
  })

  test('a template without {z} and an address that is not http(s) are refused before any request', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    await expect(readService({ kind: 'xyz', url: 'https://t.cn/{x}/{y}.png', crs: 'WGS84' })).rejects.toThrow(
      ServiceReadError,
    )
    await expect(readService({ kind: 'wms', url: 'javascript:alert(1)', crs: 'WGS84' })).rejects.toThrow(
      ServiceReadError,
    )
    expect(fetch).not.toHaveBeenCalled()
  })
})
