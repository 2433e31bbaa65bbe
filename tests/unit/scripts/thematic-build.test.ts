/**
 * The thematic layers in public/geo agree with the report: sample totals equal its figures, named
 * places are only the ones it names, quotes are verbatim, and sample points lie where they claim.
 * Reads the committed files; geo-build.test.ts checks they are fresh and valid.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { booleanPointInPolygon, distance, pointToLineDistance } from '@turf/turf'
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson'
import { describe, expect, test } from 'vitest'
import type { Manifest } from '../../../src/domain/manifest'
import type { Provenance } from '../../../src/domain/types'
import { collectQuotes } from '../../../scripts/geo/thematic/facts'
import { randomPointInPolygon } from '../../../scripts/geo/thematic/place'
import { createRandom } from '../../../src/domain/samples/random'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const read = <T>(file: string): T => JSON.parse(readFileSync(join(root, 'public/geo', file), 'utf8')) as T
const reportText = readFileSync(join(root, 'seeds/report/jindong-2022-environment-work-report.txt'), 'utf8')
const manifest = read<Manifest>('manifest.json')
const towns = read<FeatureCollection<Polygon | MultiPolygon>>('towns.geojson').features
const rivers = read<FeatureCollection<LineString>>('rivers.geojson').features

type Props = Record<string, unknown>
const features = <G extends FeatureCollection['features'][number]['geometry']>(file: string) =>
  read<FeatureCollection<G, Props>>(file).features
const townPolygon = (code: unknown) => {
  const town = towns.find((t) => t.properties?.code === code)
  if (!town) throw new Error(`no town ${String(code)}`)
  return town
}
const riverLine = (id: string) => rivers.find((r) => r.properties?.id === id) as Feature<LineString>
const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length

describe('manifest', () => {
  const expected: [string, Provenance][] = [
    ['river-sections.geojson', 'sample'],
    ['water-sections.geojson', 'sample'],
    ['monitoring-points.geojson', 'sample'],
    ['low-carbon.geojson', 'approximate'],
    ['zero-discharge.geojson', 'approximate'],
    ['plan-2023-sites.geojson', 'approximate'],
    ['enforcement.geojson', 'sample'],
    ['plan-2023.json', 'official'],
    ['town-indicators.json', 'sample'],
  ]
  test.each(expected)(
    '%s is listed as %s, with a bilingual caveat where not official, under 300 kB',
    (file, provenance) => {
      const entry = manifest.entries.find((e) => e.file === file)
      expect(entry, file).toBeDefined()
      expect(entry?.id).toBe(file.replace(/\.(geo)?json$/, ''))
      expect(entry?.provenance).toBe(provenance)
      if (provenance !== 'official') {
        expect(entry?.caveat?.zh).toBeTruthy()
        expect(entry?.caveat?.en).toBeTruthy()
      }
      expect(entry?.bytes).toBeLessThan(300_000)
    },
  )

  test('every feature of a thematic layer says it is approximate or sample', () => {
    for (const [file] of expected.filter(([f]) => f.endsWith('.geojson'))) {
      for (const f of features(file))
        expect(f.properties.approximate === true || f.properties.sample === true, `${file} ${String(f.id)}`).toBe(true)
    }
  })
})

describe('randomPointInPolygon', () => {
  test('is deterministic for a seed and stays inside the polygon after rounding', () => {
    const town = townPolygon('330703106')
    const draw = (seed: number) => {
      const random = createRandom(seed)
      return Array.from({ length: 50 }, () => randomPointInPolygon(town, random))
    }
    expect(draw(7)).toEqual(draw(7))
    for (const p of draw(7)) expect(booleanPointInPolygon(p, town)).toBe(true)
  })
})

describe('enforcement.geojson', () => {
  const points = features<Point>('enforcement.geojson')
  const cases = points.filter((f) => f.properties.kind === 'case')

  test('totals equal the report: 1095 inspections, 41 cases (5/2/34), 13 closed, 3 not penalised, ¥860,800', () => {
    expect(points.filter((f) => f.properties.kind === 'inspection')).toHaveLength(1095)
    expect(cases).toHaveLength(41)
    const ofType = (t: string) => cases.filter((f) => f.properties.case_type === t).length
    expect([ofType('police'), ofType('admin-bureau'), ofType('penalty')]).toEqual([5, 2, 34])
    expect(cases.filter((f) => f.properties.closed === true)).toHaveLength(13)
    expect(cases.filter((f) => f.properties.penalised === false)).toHaveLength(3)
    expect(
      cases.reduce((sum, f) => sum + (typeof f.properties.fine_yuan === 'number' ? f.properties.fine_yuan : 0), 0),
    ).toBe(860_800)
  })

  test('every point lies inside its town_code township, with 5-decimal coordinates and months 1–10', () => {
    for (const f of points) {
      expect(booleanPointInPolygon(f.geometry, townPolygon(f.properties.town_code)), String(f.id)).toBe(true)
      for (const c of f.geometry.coordinates) expect(Math.round(c * 1e5) / 1e5).toBe(c)
      expect(f.properties.month).toBeGreaterThanOrEqual(1)
      expect(f.properties.month).toBeLessThanOrEqual(10)
    }
  })

  test('inspections carry no case keys', () => {
    for (const f of points.filter((p) => p.properties.kind === 'inspection')) {
      expect(Object.keys(f.properties).sort()).toEqual(['id', 'kind', 'month', 'sample', 'town_code'])
    }
  })
})

describe('monitoring-points.geojson', () => {
  const points = features<Point>('monitoring-points.geojson')
  const air = points.filter((f) => f.properties.kind === 'air')

  test('one air monitor per township, with 10 monthly PM2.5, PM10 and O3 values', () => {
    expect(air.map((f) => f.properties.town_code).sort()).toEqual(towns.map((t) => t.properties?.code).sort())
    for (const f of air) {
      for (const key of ['pm25', 'pm10', 'o3']) {
        const values = f.properties[key] as number[]
        expect(values, `${String(f.id)} ${key}`).toHaveLength(10)
        for (const v of values) expect(Number.isFinite(v) && v > 0).toBe(true)
      }
    }
  })

  test('the rounded station means, averaged over stations then months, round to the report’s 26 and 45', () => {
    const districtMean = (key: string) => {
      const perMonth = Array.from({ length: 10 }, (_, m) =>
        mean(air.map((f) => (f.properties[key] as number[])[m] as number)),
      )
      return Math.round(mean(perMonth))
    }
    expect(districtMean('pm25')).toBe(26)
    expect(districtMean('pm10')).toBe(45)
  })

  test('water monitors only at the two sections; sample monitors named as samples and lying in their township', () => {
    const sections = features<Point>('water-sections.geojson')
    const water = points.filter((f) => f.properties.kind === 'water-auto')
    expect(water.map((f) => f.geometry.coordinates)).toEqual(sections.map((s) => s.geometry.coordinates))
    for (const f of points.filter((p) => p.properties.kind === 'enterprise-online' || p.properties.kind === 'dust')) {
      expect(String(f.properties.name)).toContain('示例')
      expect(String(f.properties.name_en)).toContain('Sample')
      expect(booleanPointInPolygon(f.geometry, townPolygon(f.properties.town_code)), String(f.id)).toBe(true)
    }
    expect(points.filter((f) => f.properties.kind === 'enterprise-online')).toHaveLength(12)
    expect(points.filter((f) => f.properties.kind === 'dust')).toHaveLength(8)
  })
})

describe('water-sections.geojson and river-sections.geojson', () => {
  const sections = features<Point>('water-sections.geojson')
  const confluence = riverLine('river-04-jinhuajiang').geometry.coordinates[0]!
  const byId = (id: string) => sections.find((s) => s.properties.id === id) as Feature<Point, Props>

  test('the mean over both sections and 10 months rounds to class Ⅲ', () => {
    const classes = sections.flatMap((s) => s.properties.monthly_classes as number[])
    expect(classes).toHaveLength(20)
    expect(Math.round(mean(classes))).toBe(3)
  })

  test('东关桥 is on the 义乌江 and 洪坞桥 on the 武义江, each within 3 km of the confluence', () => {
    for (const [id, riverId] of [
      ['dongguanqiao', 'river-04'],
      ['hongwuqiao', 'river-05'],
    ] as const) {
      const section = byId(id)
      expect(pointToLineDistance(section.geometry, riverLine(riverId), { units: 'meters' }), id).toBeLessThan(50)
      expect(distance(section.geometry, confluence, { units: 'kilometers' }), id).toBeLessThan(3)
    }
  })

  test('stretches above a section take its rounded mean class; every other stretch is unmonitored', () => {
    const stretches = features<LineString>('river-sections.geojson')
    for (const stretch of stretches) {
      const sectionId = stretch.properties.section_id
      if (sectionId === null) {
        expect(stretch.properties.water_class, String(stretch.id)).toBeNull()
        continue
      }
      const section = byId(String(sectionId))
      expect(stretch.properties.water_class).toBe(Math.round(mean(section.properties.monthly_classes as number[])))
      expect(stretch.properties.water_class_label).toBe(section.properties.mean_class_label)
      const coordinates = stretch.geometry.coordinates
      expect(coordinates[coordinates.length - 1]).toEqual(section.geometry.coordinates)
    }
    const jinhua = stretches.filter((s) => s.properties.river === '金华江')
    expect(jinhua.length).toBeGreaterThan(0)
    for (const s of jinhua) expect(s.properties.water_class).toBeNull()
    // The two stretches of each sectioned river cover its whole line: together as long as the original.
    const lineKm = (coordinates: number[][]) =>
      coordinates.slice(1).reduce((sum, p, i) => sum + distance(coordinates[i]!, p), 0)
    for (const [prefix, riverId] of [
      ['yiwujiang-', 'river-04'],
      ['wuyijiang-', 'river-05'],
    ] as const) {
      const parts = stretches.filter((s) => String(s.id).startsWith(prefix) && s.id !== 'wuyijiang-upper')
      expect(parts, prefix).toHaveLength(2)
      expect(parts.reduce((sum, s) => sum + lineKm(s.geometry.coordinates), 0)).toBeCloseTo(
        lineKm(riverLine(riverId).geometry.coordinates),
        3,
      )
    }
  })
})

describe('town-indicators.json', () => {
  const { towns: rows } = read<{ towns: Props[] }>('town-indicators.json')

  test('per-township splits sum to the report: 74, 81, 67, 148, 54', () => {
    const sum = (key: string) => rows.reduce((total, row) => total + (row[key] as number), 0)
    expect(rows).toHaveLength(11)
    expect([
      sum('vocs_rectified'),
      sum('petitions_first_central'),
      sum('petitions_first_provincial'),
      sum('petitions_first_total'),
      sum('petitions_second'),
    ]).toEqual([74, 81, 67, 148, 54])
  })

  test('low-carbon and zero-discharge standings are the report’s', () => {
    const standing = (key: string) =>
      Object.fromEntries(rows.filter((r) => r[key] !== null).map((r) => [r.name, r[key]]))
    expect(standing('low_carbon')).toEqual({ 多湖街道: 'pilot-area', 孝顺镇: 'pilot-village', 赤松镇: 'pilot-village' })
    expect(standing('zero_discharge')).toEqual({
      多湖街道: 'completed-2022',
      东孝街道: 'completed-2022',
      曹宅镇: 'model-town-accepted',
    })
  })
})

describe('low-carbon.geojson and zero-discharge.geojson', () => {
  test('low-carbon has 多湖街道 and only the two named villages, at their township seats', () => {
    const pilots = features<Polygon | MultiPolygon | Point>('low-carbon.geojson')
    expect(pilots).toHaveLength(3)
    const villages = pilots.filter((f) => f.properties.kind === 'village')
    expect(villages.map((f) => [f.properties.name, f.properties.village_code]).sort()).toEqual([
      ['北山口村', '330703108240'],
      ['月潭村', '330703101238'],
    ])
    const seats = features<Point>('seats.geojson')
    for (const v of villages) {
      expect(v.properties.located).toBe('township-seat')
      expect(v.geometry).toEqual(seats.find((s) => s.properties.code === v.properties.town_code)?.geometry)
    }
    const town = pilots.find((f) => f.properties.kind === 'town')
    expect(town?.properties.name).toBe('多湖街道')
    expect(town?.geometry).toEqual(townPolygon('330703001').geometry)
  })

  test('zero-discharge has 3 townships and puts the district’s CNY 10 million award on none of them', () => {
    const zones = features<Polygon | MultiPolygon>('zero-discharge.geojson')
    expect(zones).toHaveLength(3)
    expect(zones.filter((f) => f.properties.award_wan_yuan !== undefined || f.properties.figure_id !== null)).toEqual(
      [],
    )
  })
})

describe('report facts', () => {
  test('every quote in thematic-facts.json and plan-2023.json is verbatim in the report', () => {
    const facts = JSON.parse(readFileSync(join(root, 'seeds/report/thematic-facts.json'), 'utf8')) as unknown
    const quotes = [...collectQuotes(facts), ...collectQuotes(read<unknown>('plan-2023.json'))]
    expect(quotes.length).toBeGreaterThan(10)
    for (const { path, quote } of quotes) expect(reportText.includes(quote), `${path}: ${quote}`).toBe(true)
  })

  test('plan-2023 keeps the report’s typo and places only the 塘雅 station', () => {
    const { items } = read<{ items: Props[] }>('plan-2023.json')
    expect(items).toHaveLength(7)
    expect(items.find((i) => i.id === 'perishable-waste-centre')?.quote).toContain('易腐来处理中心')
    expect(items.filter((i) => i.located === true).map((i) => i.id)).toEqual(['tangya-wastewater-station-upgrade'])
    const sites = features<Point>('plan-2023-sites.geojson')
    expect(sites.map((s) => s.properties.plan_item_id)).toEqual(['tangya-wastewater-station-upgrade'])
  })
})

describe('villages.json search fields', () => {
  const doc = read<{ villages: Props[]; towns: Props[] }>('villages.json')

  test('月潭村 has pinyin "yuetancun" and initials "ytc"; every name has plain a–z keys', () => {
    const yuetan = doc.villages.find((v) => v.shortName === '月潭村')
    expect(yuetan).toMatchObject({
      code: '330703101238',
      name: '月潭村委会',
      townCode: '330703101',
      pinyin: 'yuetancun',
      initials: 'ytc',
    })
    expect(doc.villages.find((v) => v.name === '王坦社区居委会')?.shortName).toBe('王坦社区')
    for (const place of [...doc.villages, ...doc.towns]) {
      expect(String(place.pinyin)).toMatch(/^[a-z]+$/)
      expect(String(place.initials)).toMatch(/^[a-z]+$/)
    }
    expect(doc.towns).toHaveLength(11)
    expect(doc.towns.find((t) => t.name === '多湖街道')).toMatchObject({ pinyin: 'duohujiedao', initials: 'dhjd' })
  })
})
