/** Project zips for the tests: a valid one, and the hostile kinds. */
import { strToU8, zipSync, type Zippable } from 'fflate'

/** A fixed time in the zip headers, so the same contents make the same bytes. */
const MTIME = new Date('2026-12-01T00:00:00Z')

export function projectJson(overrides: Record<string, unknown> = {}) {
  return {
    format: 'jindong-eco-map-project',
    version: 1,
    app: 'test',
    savedAt: '2026-12-01T08:00:00.000Z',
    view: { camera: { center: [119.7, 29.1], zoom: 10 } },
    layers: [
      {
        id: 'user-1',
        fileName: 'stations.geojson',
        name: 'Stations',
        addedAt: '2026-12-01T08:00:00.000Z',
        visible: true,
        opacity: 1,
        data: 'layers/user-1.geojson',
      },
    ],
    replacements: [],
    indicators: [],
    ...overrides,
  }
}

const collection = (label: string) => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: label }, geometry: { type: 'Point', coordinates: [119.7, 29.1] } }],
})

export function projectZip(label = 'v1', files: Zippable = {}, json = projectJson()): Uint8Array {
  return zipSync(
    {
      'project.json': strToU8(JSON.stringify(json)),
      'layers/user-1.geojson': strToU8(JSON.stringify(collection(label))),
      ...files,
    },
    { mtime: MTIME },
  )
}

/** A zip whose central directory says `declared` bytes for `name` while it inflates to far more. */
export function lyingZip(name: string, realBytes: number, declared: number): Uint8Array {
  const zip = zipSync(
    {
      'project.json': strToU8(JSON.stringify(projectJson({ layers: [{ ...projectJson().layers[0], data: name }] }))),
      [name]: [new Uint8Array(realBytes), { level: 9 }],
    },
    { level: 9, mtime: MTIME },
  )
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const target = strToU8(name)
  for (let offset = 0; offset + 46 < zip.byteLength; offset++) {
    if (view.getUint32(offset, true) !== 0x02014b50) continue
    const length = view.getUint16(offset + 28, true)
    const entryName = zip.subarray(offset + 46, offset + 46 + length)
    if (length === target.length && entryName.every((b, i) => b === target[i]))
      view.setUint32(offset + 24, declared, true)
  }
  return zip
}
