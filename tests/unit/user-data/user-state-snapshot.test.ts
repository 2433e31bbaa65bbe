/**
 * What identifies a user layer's data: 本机数据 compares it with what it last wrote, so unchanged
 * data is not written again. Each kind is identified by the object holding its data itself.
 */
import { describe, expect, test } from 'vitest'
import type { FeatureCollection } from 'geojson'
import { userLayerDataRef, type UserLayerData } from '../../../src/user-data/user-state-snapshot'
import type { PointTable } from '../../../src/user-data/tables/point-table'
import type { ServiceDefinition } from '../../../src/domain/services/service-types'

const collection: FeatureCollection = { type: 'FeatureCollection', features: [] }
const table: PointTable = { length: 0, positions: new Float32Array(0), columns: [] }
const definition: ServiceDefinition = {
  kind: 'xyz',
  url: 'https://tiles.example.org/{z}/{x}/{y}.png',
  host: 'tiles.example.org',
  title: '瓦片',
  attribution: '',
  crs: 'WGS84',
}

describe('the reference that identifies a layer’s data', () => {
  test('a feature layer is identified by its collection', () => {
    expect(userLayerDataRef({ kind: 'features', collection })).toBe(collection)
  })

  test('a large point layer is identified by its table', () => {
    expect(userLayerDataRef({ kind: 'points', table })).toBe(table)
  })

  test('a service layer is identified by its definition, not by the archive file beside it', () => {
    const data: UserLayerData = { kind: 'service', definition, file: new Blob([new Uint8Array([1, 2, 3])]) }
    expect(userLayerDataRef(data)).toBe(definition)
  })
})
