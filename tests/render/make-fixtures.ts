/**
 * Writes the render cases' fixtures and contexts: tests/render/cases/<case>/<source>.geojson, cut
 * from the app's data in public/geo, and context.json for the variants; for a user's layer, a file as
 * a user would load it (made from the township seats) and user-style.json for each style. It leaves
 * expected.png alone. Run it with `npx tsx tests/render/make-fixtures.ts`; the output is
 * prettier-formatted JSON.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Feature, FeatureCollection, Point } from 'geojson'
import { format, resolveConfig } from 'prettier'
import { CASES_DIR } from './support/cases'
import type { RenderContext } from './support/specs'
import { USER_LAYER_ID } from './support/user-layer'
import type { UserLayerStyle } from '../../src/user-data/styles/user-layer-style'

const GEO_DIR = resolve(import.meta.dirname, '../../public/geo')

interface Cut {
  /** Keeps the features whose `key` property is one of `values`, in the file's order. */
  key: string
  values: (string | number)[]
  /** Property overrides per value of `key`, to reach styles the real data does not (water classes). */
  edit?: Record<string, Record<string, unknown>>
}

interface CaseSpec {
  sources?: Record<string, Cut>
  context?: Partial<RenderContext>
}

const TOWNS = ['330703001', '330703002']

const CASES: Record<string, CaseSpec> = {
  counties: {
    sources: {
      counties: { key: 'adcode', values: ['330782', '330783'] },
      'county-labels': { key: 'adcode', values: ['330782', '330783'] },
    },
  },
  'counties--dark': { context: { theme: 'dark' } },
  district: { sources: { district: { key: 'adcode', values: ['330703'] } } },
  'district--dark': { context: { theme: 'dark' } },
  towns: {
    sources: { towns: { key: 'code', values: TOWNS }, seats: { key: 'code', values: TOWNS } },
  },
  'towns--choropleth': {
    context: { choropleth: { '330703001': '#fee5d9', '330703002': '#a50f15' } },
  },
  'towns--selected': { context: { selectedKey: '330703002' } },
  'towns--en': { context: { locale: 'en' } },
  seats: { sources: { seats: { key: 'code', values: TOWNS } } },
  rivers: { sources: { rivers: { key: 'id', values: ['river-04', 'river-05'] } } },
  'river-sections': {
    sources: {
      'river-sections': {
        key: 'id',
        values: [
          'yiwujiang-dongguanqiao-to-confluence',
          'wuyijiang-above-hongwuqiao',
          'wuyijiang-hongwuqiao-to-confluence',
          'jinhuajiang-below-confluence',
        ],
        edit: {
          'yiwujiang-dongguanqiao-to-confluence': { water_class: 2, water_class_label: 'Ⅱ' },
          'wuyijiang-hongwuqiao-to-confluence': { water_class: 5, water_class_label: 'Ⅴ' },
        },
      },
    },
  },
  'river-sections--selected': { context: { selectedKey: 'jinhuajiang-below-confluence' } },
  'water-sections': { sources: { 'water-sections': { key: 'id', values: ['dongguanqiao', 'hongwuqiao'] } } },
  'monitoring-points': {
    sources: {
      'monitoring-points': {
        key: 'id',
        values: ['air-330703001', 'water-auto-dongguanqiao', 'enterprise-01', 'dust-01'],
      },
    },
  },
  'plan-2023-sites': {
    sources: { 'plan-2023-sites': { key: 'id', values: ['plan-site-tangya-wastewater-station'] } },
  },
  'low-carbon': {
    sources: {
      'low-carbon': { key: 'id', values: ['low-carbon-duohu', 'low-carbon-yuetan', 'low-carbon-beishankou'] },
    },
  },
  'zero-discharge': {
    sources: {
      'zero-discharge': {
        key: 'id',
        values: ['zero-discharge-dongxiao', 'zero-discharge-duohu', 'zero-discharge-caozhai'],
      },
    },
  },
  enforcement: {
    sources: {
      enforcement: {
        key: 'id',
        values: ['INS-2022-0001', 'INS-2022-0002', 'INS-2022-0003', 'CASE-2022-01', 'CASE-2022-03', 'CASE-2022-16'],
      },
    },
  },
}

function cut(source: string, { key, values, edit = {} }: Cut): FeatureCollection {
  const all = JSON.parse(readFileSync(join(GEO_DIR, `${source}.geojson`), 'utf8')) as FeatureCollection
  const features: Feature[] = all.features
    .filter((feature) => values.includes(feature.properties?.[key] as string))
    .map((feature) => {
      const value = String(feature.properties?.[key])
      return { ...feature, properties: { ...feature.properties, ...edit[value] } }
    })
  const found = new Set(features.map((feature) => feature.properties?.[key]))
  const missing = values.filter((value) => !found.has(value))
  if (missing.length > 0) throw new Error(`${source}.geojson has no feature with ${key} = ${missing.join(', ')}`)
  return { type: 'FeatureCollection', features }
}

async function writeJson(path: string, value: unknown) {
  const options = { ...(await resolveConfig(path)), filepath: path }
  writeFileSync(path, await format(JSON.stringify(value), options))
}

/**
 * A user's file: six township seats as points, named, with a category and a number, plus one area and
 * one line, so that colours reach fills and lines too. Values are spread for five quantile classes.
 */
function userFile(): FeatureCollection {
  const seats = JSON.parse(readFileSync(join(GEO_DIR, 'seats.geojson'), 'utf8')) as FeatureCollection<Point>
  const at = (name: string) => {
    const seat = seats.features.find((feature) => feature.properties?.name === name)
    if (!seat) throw new Error(`seats.geojson has no seat named ${name}`)
    return seat.geometry.coordinates
  }
  const rows: [string, string, number][] = [
    ['多湖街道', '工业', 5],
    ['曹宅镇', '农业', 18],
    ['孝顺镇', '生活', 40],
    ['澧浦镇', '工业', 72],
    ['江东镇', '生活', 95],
    ['源东乡', '农业', 130],
  ]
  const points: Feature[] = rows.map(([name, kind, value]) => ({
    type: 'Feature',
    properties: { 名称: name.replace(/(街道|镇|乡)$/, ''), 类别: kind, 排放量: value },
    geometry: { type: 'Point', coordinates: at(name) },
  }))
  const [x, y] = at('赤松镇') as [number, number]
  const area: Feature = {
    type: 'Feature',
    properties: { 名称: '赤松片区', 类别: '农业', 排放量: 30 },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x - 0.015, y - 0.015],
          [x + 0.015, y - 0.015],
          [x + 0.015, y + 0.015],
          [x - 0.015, y + 0.015],
          [x - 0.015, y - 0.015],
        ],
      ],
    },
  }
  const line: Feature = {
    type: 'Feature',
    properties: { 名称: '塘雅管线', 类别: '生活', 排放量: 55 },
    geometry: { type: 'LineString', coordinates: [at('塘雅镇'), at('傅村镇')] },
  }
  return { type: 'FeatureCollection', features: [...points, area, line] }
}

/** A user layer's styles, one kind each, as a project file carries them (read by parseUserLayerStyle). */
const USER_STYLES: Record<string, Partial<UserLayerStyle>> = {
  categories: { colour: { kind: 'categories', column: '类别' } },
  graduated: {
    colour: { kind: 'graduated', column: '排放量', method: 'quantile', classCount: 5, manualBreaksText: '' },
  },
  sized: { sizeColumn: '排放量' },
  labelled: { labelColumn: '名称' },
}

for (const [name, spec] of Object.entries(CASES)) {
  const dir = join(CASES_DIR, name)
  mkdirSync(dir, { recursive: true })
  for (const [source, selection] of Object.entries(spec.sources ?? {}))
    await writeJson(join(dir, `${source}.geojson`), cut(source, selection))
  if (spec.context) await writeJson(join(dir, 'context.json'), spec.context)
  console.log(`${name}: ${[...Object.keys(spec.sources ?? {}), ...(spec.context ? ['context'] : [])].join(', ')}`)
}

mkdirSync(join(CASES_DIR, USER_LAYER_ID), { recursive: true })
await writeJson(join(CASES_DIR, USER_LAYER_ID, `${USER_LAYER_ID}.geojson`), userFile())
console.log(`${USER_LAYER_ID}: ${USER_LAYER_ID}`)
for (const [variant, style] of Object.entries(USER_STYLES)) {
  const dir = join(CASES_DIR, `${USER_LAYER_ID}--${variant}`)
  mkdirSync(dir, { recursive: true })
  await writeJson(join(dir, 'user-style.json'), style)
  console.log(`${USER_LAYER_ID}--${variant}: user-style`)
}
