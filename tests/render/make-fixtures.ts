/**
 * Writes the render cases' fixtures and contexts: tests/render/cases/<case>/<source>.geojson, cut
 * from the app's data in public/geo, and context.json for the variants. It leaves expected.png alone.
 * Run it with `npx tsx tests/render/make-fixtures.ts`; the output is prettier-formatted JSON.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Feature, FeatureCollection } from 'geojson'
import { format, resolveConfig } from 'prettier'
import { CASES_DIR } from './support/cases'
import type { RenderContext } from './support/specs'

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

for (const [name, spec] of Object.entries(CASES)) {
  const dir = join(CASES_DIR, name)
  mkdirSync(dir, { recursive: true })
  for (const [source, selection] of Object.entries(spec.sources ?? {}))
    await writeJson(join(dir, `${source}.geojson`), cut(source, selection))
  if (spec.context) await writeJson(join(dir, 'context.json'), spec.context)
  console.log(`${name}: ${[...Object.keys(spec.sources ?? {}), ...(spec.context ? ['context'] : [])].join(', ')}`)
}
