/**
 * Service layers in a project file: a WMS layer's definition and a PMTiles archive chosen as a file
 * go out and come back with their names, order, visibility and opacity; a definition that is not
 * one (a javascript: address, a missing archive) is reported missing and nothing else is lost.
 */
import { beforeEach, describe, expect, test } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { readProjectZip, type ParseLayerFile } from '../../../../src/user-data/project/read-project'
import { writeProject } from '../../../../src/user-data/project/write-project'
import { applyProject, captureProjectView } from '../../../../src/stores/apply-project'
import { captureUserState } from '../../../../src/stores/user-state'
import { useLayersStore } from '../../../../src/stores/layers'
import { addServiceLayer } from '../../../../src/stores/service-layers'
import { useIndicatorsStore } from '../../../../src/stores/indicators'
import { useViewStore } from '../../../../src/stores/view'
import type { ServiceDefinition } from '../../../../src/domain/services/service-types'
import { PMTILES_FROM_FILE } from '../../support/service-definitions'

const WMS: ServiceDefinition = {
  kind: 'wms',
  url: 'http://10.1.2.3:8080/geoserver/wms',
  host: '10.1.2.3:8080',
  title: '生态保护红线',
  attribution: '浙江省生态环境厅',
  crs: 'WGS84',
  raster: { scheme: 'wms', template: 'http://10.1.2.3:8080/geoserver/wms?LAYERS=zj:redline&BBOX={bbox-epsg-3857}' },
  bounds: [119.4, 28.9, 120.1, 29.4],
  legend: { image: 'http://10.1.2.3:8080/geoserver/wms?REQUEST=GetLegendGraphic&LAYER=zj:redline' },
}
const ARCHIVE = new Uint8Array([0x50, 0x4d, 0x54, 0x69, 0x6c, 0x65, 0x73, 3, 1, 2, 3])

const stores = () => ({ layers: useLayersStore(), indicators: useIndicatorsStore(), view: useViewStore() })
const engine: ParseLayerFile = async (bytes, path) => {
  const result = await importBytes(bytes, { fileName: path, declaredCrs: 'auto' })
  return { collection: result.data, points: result.points ?? null, error: result.ok ? null : 'bad' }
}

function write(): Uint8Array {
  const { layers, indicators, view } = stores()
  const snapshot = captureUserState(layers, indicators)
  return writeProject({
    snapshot,
    view: captureProjectView(layers, view),
    appVersion: '0.1.0',
    savedAt: '2026-12-06T09:00:00.000Z',
    serviceFiles: new Map(
      snapshot.layers.flatMap((l) => (l.data.kind === 'service' && l.data.file ? [[l.id, ARCHIVE] as const] : [])),
    ),
  })
}

beforeEach(() => setActivePinia(createPinia()))

describe('service layers in a project file', () => {
  test('a WMS layer and a PMTiles file come back with their names, order, visibility and opacity', async () => {
    const { layers } = stores()
    const wms = addServiceLayer(layers, WMS)
    const archive = addServiceLayer(layers, PMTILES_FROM_FILE, { file: new Blob([ARCHIVE]) })
    layers.renameUserLayer(wms, '红线')
    layers.setOpacity(wms, 0.6)
    layers.setVisible(archive, false)
    const zip = write()
    const files = unzipSync(zip)
    expect(JSON.parse(strFromU8(files[`layers/${wms}.service.json`]!))).toEqual(WMS)
    expect([...files[`layers/${archive}.pmtiles`]!]).toEqual([...ARCHIVE])

    setActivePinia(createPinia())
    const read = await readProjectZip(zip, engine)
    if (!read.ok) throw new Error('not read')
    applyProject(read.contents, stores(), { published: false })
    const again = useLayersStore()
    const services = again.listed.filter((r) => r.service)
    expect(services.map((r) => again.meta(r.spec.id)!.title.zh)).toEqual(['影像', '红线'])
    const red = services.find((r) => r.service!.kind === 'wms')!
    expect(red.service).toEqual(WMS)
    expect(red.opacity).toBe(0.6)
    expect(red.userStyle).toBeNull()
    const image = services.find((r) => r.service!.kind === 'pmtiles')!
    expect(image.visible).toBe(false)
    expect(new Uint8Array(await image.serviceFile!.arrayBuffer())).toEqual(ARCHIVE)
    expect(again.meta(red.spec.id)!.source).toBe('10.1.2.3:8080 · 浙江省生态环境厅')
  })

  test('a definition that is not one, or an archive that is missing, is reported and the rest kept', async () => {
    const { layers } = stores()
    const wms = addServiceLayer(layers, WMS)
    const archive = addServiceLayer(layers, PMTILES_FROM_FILE, { file: new Blob([ARCHIVE]) })
    const zip = write()
    const files = unzipSync(zip)
    files[`layers/${wms}.service.json`] = strToU8(
      JSON.stringify({ ...WMS, raster: { scheme: 'wms', template: 'javascript:alert(1)' } }),
    )
    delete files[`layers/${archive}.pmtiles`]
    const read = await readProjectZip(zipSync(files), engine)
    if (!read.ok) throw new Error('not read')
    expect(read.contents.missing.map((m) => [m.layerId, m.reason])).toEqual([
      [archive, 'missing'],
      [wms, 'not a service definition'],
    ])
  })
})
