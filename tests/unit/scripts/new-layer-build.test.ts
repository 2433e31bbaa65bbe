/**
 * Adding a layer is adding one file: a spec file in the layers folder, naming a seed file, makes the
 * geo build write the layer's GeoJSON and a manifest entry in the spec's own words, with no edit to
 * scripts/. (tests/unit/layers/new-layer-app.test.ts shows the same spec in the app's list, legend and panels.)
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, test } from 'vitest'
import { buildGeo } from '../../../scripts/build-geo'
import { loadLayerSpecs } from '../../../scripts/geo/layer-specs'
import { LAYER_SPECS } from '../../../src/layers/registry'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'jindong-new-layer-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const SPEC_FILE = `import type { LayerSpec } from '${root}src/layers/types'

const noise: LayerSpec = {
  id: 'noise-stations',
  title: { zh: '噪声监测点', en: 'Noise stations' },
  order: 72,
  defaultVisible: true,
  listed: true,
  provenance: 'sample',
  caveat: { zh: '示例点位。', en: 'Sample positions.' },
  source: 'made for this test',
  licence: 'CC0',
  data: {
    origin: { seed: 'geo/noise-stations.geojson' },
    key: 'id',
    geometryTypes: ['Point'],
    requiredProperties: ['id'],
  },
  mapLayers: ({ opacity }) => [{ id: 'noise-stations-circle', type: 'circle', paint: { 'circle-opacity': opacity } }],
  legend: [{ label: { zh: '噪声监测点', en: 'Noise station' }, colour: '#7c3aed', shape: 'circle' }],
}
export default noise
`

const SEED = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'n1', name: '一号' },
      geometry: { type: 'Point', coordinates: [119.7, 29.1] },
    },
    {
      type: 'Feature',
      properties: { id: 'n2', name: '二号' },
      geometry: { type: 'Point', coordinates: [119.8, 29.2] },
    },
  ],
}

test('a new spec file and its seed become a built layer with a manifest entry in the spec’s words', async () => {
  const layersDir = join(work, 'layers')
  const seedsDir = join(work, 'seeds')
  const outDir = join(work, 'out')
  cpSync(join(root, 'seeds'), seedsDir, { recursive: true })
  mkdirSync(layersDir)
  writeFileSync(join(layersDir, 'noise-stations.layer.ts'), SPEC_FILE)
  writeFileSync(join(seedsDir, 'geo/noise-stations.geojson'), JSON.stringify(SEED))

  const added = await loadLayerSpecs(layersDir)
  expect(added.map((s) => s.id)).toEqual(['noise-stations'])
  const manifest = buildGeo(seedsDir, outDir, [...LAYER_SPECS, ...added])
  const entry = manifest.entries.find((e) => e.id === 'noise-stations')
  expect(entry).toMatchObject({
    file: 'noise-stations.geojson',
    kind: 'geojson',
    title: { zh: '噪声监测点', en: 'Noise stations' },
    provenance: 'sample',
    caveat: { zh: '示例点位。', en: 'Sample positions.' },
    featureCount: 2,
  })
  const written = JSON.parse(readFileSync(join(outDir, 'noise-stations.geojson'), 'utf8'))
  expect(written.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(['n1', 'n2'])
}, 60_000)

test('a seed that breaks the spec’s own rules stops the build, naming the file and the feature', async () => {
  const layersDir = join(work, 'layers')
  const seedsDir = join(work, 'seeds')
  writeFileSync(
    join(seedsDir, 'geo/noise-stations.geojson'),
    JSON.stringify({ ...SEED, features: [{ ...SEED.features[0], properties: { name: 'no id' } }] }),
  )
  const added = await loadLayerSpecs(layersDir)
  expect(() => buildGeo(seedsDir, join(work, 'out2'), [...LAYER_SPECS, ...added])).toThrow(
    /noise-stations\.geojson fails validation[\s\S]*feature 0/,
  )
}, 60_000)
