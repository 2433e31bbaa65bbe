/**
 * Writing a project file: which files the zip holds for each kind of layer and replacement, under
 * which names the index points at them, what of the basemap is kept, and how each file is packed.
 */
import { describe, expect, test } from 'vitest'
import { deflateSync, strFromU8, unzipSync } from 'fflate'
import type { FeatureCollection } from 'geojson'
import { writeProject } from '../../../../src/user-data/project/write-project'
import { listZipEntries } from '../../../../src/user-data/import/zip-reader'
import type { ProjectIndex, ProjectView } from '../../../../src/user-data/project/project-file'
import type { UserLayerData, UserLayerSnapshot, UserStateSnapshot } from '../../../../src/user-data/user-state-snapshot'
import { defaultUserLayerStyle } from '../../../../src/user-data/styles/user-layer-style'
import type { PointTable } from '../../../../src/user-data/tables/point-table'
import { PMTILES_FROM_FILE } from '../../support/service-definitions'

const stations: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: '甲' }, geometry: { type: 'Point', coordinates: [119.7, 29.1] } }],
}
/** Enough varied points that the fastest deflate level and the default one pack them differently. */
const table: PointTable = {
  length: 2000,
  positions: new Float32Array(Array.from({ length: 4000 }, (_, i) => (i % 2 ? 29 : 119.5) + Math.sin(i) * 0.5)),
  columns: [{ name: 'v', kind: 'number', values: new Float64Array(Array.from({ length: 2000 }, (_, i) => i % 7)) }],
}
const ARCHIVE = new Uint8Array(Array.from({ length: 300 }, () => 7))

const userLayer = (id: string, data: UserLayerData): UserLayerSnapshot => ({
  id,
  fileName: `${id}.geojson`,
  name: null,
  addedAt: '2026-12-01T00:00:00.000Z',
  visible: true,
  opacity: 1,
  style: defaultUserLayerStyle(),
  data,
})
const snapshotOf = (layers: UserLayerSnapshot[], replacements: UserStateSnapshot['replacements'] = []) => ({
  layers,
  replacements,
  indicators: [],
})
const write = (
  snapshot: UserStateSnapshot,
  more: { view?: ProjectView; serviceFiles?: Map<string, Uint8Array> } = {},
) => writeProject({ snapshot, view: more.view ?? {}, appVersion: '0.1.0', savedAt: '2026-12-07', ...more })
const indexOf = (zip: Uint8Array) => JSON.parse(strFromU8(unzipSync(zip)['project.json']!)) as ProjectIndex

describe('the files of a project', () => {
  test('each layer and replacement has its file, and the index points at it', () => {
    const zip = write(
      snapshotOf(
        [
          userLayer('user-1', { kind: 'features', collection: stations }),
          userLayer('user-2', { kind: 'points', table }),
          userLayer('service-1', { kind: 'service', definition: PMTILES_FROM_FILE, file: new Blob([ARCHIVE]) }),
          userLayer('service-2', { kind: 'service', definition: { ...PMTILES_FROM_FILE, title: '另一个' } }),
        ],
        [{ layerId: 'towns', fileName: '乡镇.geojson', collection: stations }],
      ),
      { serviceFiles: new Map([['service-1', ARCHIVE]]) },
    )
    const files = unzipSync(zip)
    expect(Object.keys(files).sort()).toEqual([
      'layers/service-1.pmtiles',
      'layers/service-1.service.json',
      'layers/service-2.service.json',
      'layers/user-1.geojson',
      'layers/user-2.points.json',
      'layers/user-2/column-0.f64',
      'layers/user-2/positions.f32',
      'project.json',
      'replacements/towns.geojson',
    ])
    expect([...files['layers/service-1.pmtiles']!]).toEqual([...ARCHIVE])
    const index = indexOf(zip)
    expect(index.layers.map((l) => l.data)).toEqual([
      'layers/user-1.geojson',
      'layers/user-2.points.json',
      'layers/service-1.service.json',
      'layers/service-2.service.json',
    ])
    expect(index.replacements).toEqual([
      { layerId: 'towns', fileName: '乡镇.geojson', data: 'replacements/towns.geojson' },
    ])
  })

  test('a service layer written without any archive bytes gets its definition only', () => {
    const zip = write(snapshotOf([userLayer('service-1', { kind: 'service', definition: PMTILES_FROM_FILE })]))
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(['layers/service-1.service.json', 'project.json'])
  })

  test('an id with characters unsafe in a path is written under a safe file name', () => {
    const zip = write(
      snapshotOf(
        [userLayer('a.b/c', { kind: 'features', collection: stations })],
        [{ layerId: 'x y', fileName: 'x.geojson', collection: stations }],
      ),
    )
    expect(Object.keys(unzipSync(zip)).sort()).toEqual([
      'layers/a_b_c.geojson',
      'project.json',
      'replacements/x_y.geojson',
    ])
    expect(indexOf(zip).layers[0]?.data).toBe('layers/a_b_c.geojson')
  })

  test('a custom basemap keeps its style address; the 天地图 key is never written', () => {
    const view: ProjectView = {
      basemap: { id: 'custom', styleUrl: 'https://tiles.example.org/style.json', tiandituKey: 'KEY-1' },
    }
    const zip = write(snapshotOf([]), { view })
    expect(indexOf(zip).view.basemap).toEqual({ id: 'custom', styleUrl: 'https://tiles.example.org/style.json' })
    expect(strFromU8(zip)).not.toContain('KEY-1')
  })
})

describe('how the files are packed', () => {
  test('a PMTiles archive is stored as it is: its tiles are compressed already', () => {
    const zip = write(snapshotOf([userLayer('service-1', { kind: 'service', definition: PMTILES_FROM_FILE })]), {
      serviceFiles: new Map([['service-1', ARCHIVE]]),
    })
    const entry = listZipEntries(zip).find((e) => e.name === 'layers/service-1.pmtiles')
    expect(entry).toMatchObject({ method: 0, compressedSize: ARCHIVE.length })
  })

  test('raw point columns are deflated at the fastest level, so a million points save quickly', () => {
    const zip = write(snapshotOf([userLayer('user-2', { kind: 'points', table })]))
    const positions = new Uint8Array(table.positions.buffer)
    const fastest = deflateSync(positions, { level: 1 }).length
    expect(fastest).not.toBe(deflateSync(positions, { level: 6 }).length)
    const entry = listZipEntries(zip).find((e) => e.name === 'layers/user-2/positions.f32')
    expect(entry).toMatchObject({ method: 8, compressedSize: fastest })
  })
})
