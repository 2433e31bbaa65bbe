// A readings table to monthly station readings: matched stations, the month axis, refused rows.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Feature, FeatureCollection, Point } from 'geojson'
import { readingsFromTable } from '../../../../src/user-data/tables/readings-table'
import { stationReadings } from '../../../../src/domain/air/readings'
import { airStationsFrom } from '../../../../src/domain/warnings/warnings'
import { gazetteer, table, towns } from '../../support/district-places'

const stations = JSON.parse(readFileSync('public/geo/monitoring-points.geojson', 'utf8')) as FeatureCollection

const CAOZHAI = towns.find((t) => t.name === '曹宅镇')!.code

describe('readings table', () => {
  const header = ['站点', '日期', 'pm25', 'pm10', 'o3_8h']
  it('matches stations by township name and puts monthly means on the Jan–Oct axis', () => {
    const { collection, report } = readingsFromTable(
      table(header, [
        ['曹宅空气站', '2022-01', '80', '100', '60'],
        ['曹宅空气站', '2022-02', '70', '90', '70'],
        ['多湖站', '2022-01', '10', '20', '30'],
      ]),
      stations,
      gazetteer,
    )
    expect(report.rowsUsed).toBe(3)
    expect(report.stations).toBe(2)
    expect(report.months).toEqual([1, 2])
    const caozhai = collection!.features.find((f) => f.properties?.name === '曹宅空气站')!
    expect(caozhai.properties).toMatchObject({ kind: 'air', town_code: CAOZHAI, approximate: true, user: true })
    expect(caozhai.properties!.pm25).toEqual([80, 70, null, null, null, null, null, null, null, null])
    const built = stations.features.find((f) => f.properties?.id === `air-${CAOZHAI}`)!
    expect(caozhai.geometry).toEqual(built.geometry)
    // The heatmap and the surface read the user's value for the month.
    const jan = stationReadings(collection!, 'pm25', 1)
    expect([...jan.values].sort((a, b) => a - b)).toEqual([10, 80])
    // Only the user's stations: no sample point stays under the user's badge.
    expect(collection!.features.every((f) => f.properties?.user === true)).toBe(true)
  })
  it('places a station by its own coordinates, averages days, keeps them for the warnings', () => {
    const { collection, report } = readingsFromTable(
      table(
        ['station', 'date', 'PM2.5', 'lng', 'lat'],
        [
          ['New site', '2023-03-01', '40', '119.7', '29.1'],
          ['New site', '2023-03-02', '50', '119.7', '29.1'],
          ['New site', '2023-03-02', '55', '119.7', '29.1'],
        ],
      ),
      stations,
      gazetteer,
    )
    expect(report).toMatchObject({ year: 2023, rowsUsed: 2, dailyRows: 2 })
    expect(report.refused).toEqual([{ line: 4, value: 'New site 2023-03-02', reason: 'duplicate' }])
    const f = collection!.features[0]!
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [119.7, 29.1] })
    expect((f.properties!.pm25 as unknown[])[2]).toBe(45)
    expect(f.properties!.approximate).toBe(false)
    expect(airStationsFrom(collection!)[0]!.daily).toHaveLength(2)
  })
  it('refuses rows with the reason and line: unknown station, bad date, other year, Nov, text, no value', () => {
    const { report, collection } = readingsFromTable(
      table(header, [
        ['曹宅空气站', '2022-01', '80', '', ''],
        ['火星站', '2022-01', '1', '', ''],
        ['曹宅空气站', 'soon', '1', '', ''],
        ['曹宅空气站', '2021-05', '1', '', ''],
        ['曹宅空气站', '2022-11', '1', '', ''],
        ['曹宅空气站', '2022-03', 'n/a', '', ''],
        ['曹宅空气站', '2022-04', '', '', ''],
        ['', '2022-04', '3', '', ''],
      ]),
      stations,
      gazetteer,
    )
    expect(report.rowsUsed).toBe(1)
    expect(report.refused.map((r) => [r.line, r.reason])).toEqual([
      [3, 'station-not-found'],
      [4, 'bad-date'],
      [5, 'other-year'],
      [6, 'outside-months'],
      [7, 'bad-value'],
      [8, 'no-value'],
      [9, 'no-station'],
    ])
    expect(report.stationsNotFound).toEqual(['火星站'])
    expect(collection!.features).toHaveLength(1)
  })
  it('gives no collection when nothing could be used', () => {
    expect(
      readingsFromTable(table(header, [['火星站', '2022-01', '1', '', '']]), stations, gazetteer).collection,
    ).toBeNull()
  })
})

describe('readings table: placing stations and reading rows', () => {
  const header = ['站点', '日期', 'pm25', 'pm10', 'o3_8h']
  // Built from JSON, as a file holds it: @types/geojson allows neither properties nor geometry to be null in a literal.
  const built = JSON.parse(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [0, 0] } },
        { type: 'Feature', properties: { kind: 'air', name: '无位置站' }, geometry: null },
        {
          type: 'Feature',
          properties: { id: 'air-area', kind: 'air', name: '曹宅空气站', town_code: CAOZHAI },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [119.6, 29.1],
                [119.7, 29.1],
                [119.7, 29.2],
                [119.6, 29.1],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { id: 'air-a', kind: 'air', name: '河畔站', name_en: 'Riverside', town_code: CAOZHAI },
          geometry: { type: 'Point', coordinates: [119.71, 29.11] },
        },
        {
          type: 'Feature',
          properties: { id: 'air-b', kind: 'air', name: '山顶站' },
          geometry: { type: 'Point', coordinates: [119.72, 29.12] },
        },
        {
          type: 'Feature',
          properties: { kind: 'air', name: '无编号站' },
          geometry: { type: 'Point', coordinates: [119.73, 29.13] },
        },
        {
          type: 'Feature',
          properties: { id: 'water-1', kind: 'water-auto', name: '水站甲' },
          geometry: { type: 'Point', coordinates: [119.74, 29.14] },
        },
      ],
    }),
  ) as FeatureCollection
  const tenMonths = (values: Record<number, number>) =>
    Array.from({ length: 10 }, (_, m) => (values[m + 1] === undefined ? null : values[m + 1]))
  const place = (f: Feature) => [
    f.properties!.name,
    f.properties!.id,
    f.properties!.town_code,
    (f.geometry as Point).coordinates,
  ]

  it('places a station by the name, English name or id of a built-in air station, or its township', () => {
    const { collection, report } = readingsFromTable(
      table(
        ['站点', '日期', 'pm25'],
        [
          ['河畔站', '2022-01', '10'],
          ['Riverside', '2022-01', '20'],
          ['AIR-B', '2022-01', '30'],
          ['无编号站', '2022-01', '40'],
          ['水站甲', '2022-01', '50'],
          ['曹宅空气站', '2022-01', '60'],
          ['无位置站', '2022-01', '70'],
        ],
      ),
      built,
      gazetteer,
    )
    expect(collection!.features.map(place)).toEqual([
      ['河畔站', 'air-a', CAOZHAI, [119.71, 29.11]],
      ['Riverside', 'air-a', CAOZHAI, [119.71, 29.11]],
      ['AIR-B', 'air-b', null, [119.72, 29.12]],
      ['无编号站', 'station-4', null, [119.73, 29.13]],
      ['曹宅空气站', 'air-a', CAOZHAI, [119.71, 29.11]],
    ])
    // A water point is not an air station, whatever its name; a station without a position is not placed.
    expect(report.stationsNotFound).toEqual(['水站甲', '无位置站'])
    expect(collection!.features[0]!.properties).toEqual({
      id: 'air-a',
      kind: 'air',
      name: '河畔站',
      name_en: '河畔站',
      town_code: CAOZHAI,
      approximate: true,
      location: 'station',
      user: true,
      year: 2022,
      pm25: tenMonths({ 1: 10 }),
      pm10: tenMonths({}),
      o3: tenMonths({}),
    })
  })

  it('places a station at its own coordinates only when both are degrees, the edges included', () => {
    const { collection } = readingsFromTable(
      table(
        ['lng', 'lat', '站点', '日期', 'pm25'],
        [
          ['119.7', '29.1', 'S1', '2022-01', '1'],
          ['180', '90', 'S2', '2022-01', '1'],
          ['-180', '-90', 'S3', '2022-01', '1'],
          ['', '29.1', '河畔站', '2022-01', '1'],
          ['119.7', '', 'Riverside', '2022-01', '1'],
          ['200', '29.1', 'AIR-B', '2022-01', '1'],
          ['119.7', '95', '曹宅空气站', '2022-01', '1'],
        ],
      ),
      built,
      gazetteer,
    )
    expect(collection!.features.map(place)).toEqual([
      ['S1', 'station-1', null, [119.7, 29.1]],
      ['S2', 'station-2', null, [180, 90]],
      ['S3', 'station-3', null, [-180, -90]],
      ['河畔站', 'air-a', CAOZHAI, [119.71, 29.11]],
      ['Riverside', 'air-a', CAOZHAI, [119.71, 29.11]],
      ['AIR-B', 'air-b', null, [119.72, 29.12]],
      ['曹宅空气站', 'air-a', CAOZHAI, [119.71, 29.11]],
    ])
    expect(collection!.features.map((f) => f.properties!.location)).toEqual([
      'exact',
      'exact',
      'exact',
      'station',
      'station',
      'station',
      'station',
    ])
  })

  it('reads a table of coordinates without any built-in stations or gazetteer', () => {
    const { collection, report } = readingsFromTable(
      table(
        ['站点', '日期', 'pm25', '经度', '纬度'],
        [
          ['S1', '2022-01-05', '12', '119.7', '29.1'],
          ['曹宅空气站', '2022-01', '3', '', ''],
        ],
      ),
      null,
      null,
    )
    expect(collection).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [119.7, 29.1] },
          properties: {
            id: 'station-1',
            kind: 'air',
            name: 'S1',
            name_en: 'S1',
            town_code: null,
            approximate: false,
            location: 'exact',
            user: true,
            year: 2022,
            pm25: tenMonths({ 1: 12 }),
            pm10: tenMonths({}),
            o3: tenMonths({}),
            daily: [{ date: '2022-01-05', pm25: 12, pm10: null, o3_8h: null }],
          },
        },
      ],
    })
    expect(report.stationsNotFound).toEqual(['曹宅空气站'])
  })

  it('keeps the first of a month given as a mean and as days, in either order', () => {
    const { collection, report } = readingsFromTable(
      table(
        ['站点', '日期', 'pm25', '经度', '纬度'],
        [
          ['S', '2022-01', '10', '119.7', '29.1'],
          ['S', '2022-01-05', '11', '119.7', '29.1'],
          ['S', '2022-02-01', '12', '119.7', '29.1'],
          ['S', '2022-02', '13', '119.7', '29.1'],
          ['S', '2022-02-02', '14', '119.7', '29.1'],
          ['S', '2022-01', '15', '119.7', '29.1'],
        ],
      ),
      null,
      null,
    )
    expect(report).toMatchObject({ rowsUsed: 3, dailyRows: 2 })
    expect(report.refused).toEqual([
      { line: 3, value: 'S 2022-01-05', reason: 'duplicate' },
      { line: 5, value: 'S 2022-02', reason: 'duplicate' },
      { line: 7, value: 'S 2022-01', reason: 'duplicate' },
    ])
    const properties = collection!.features[0]!.properties!
    expect(properties.pm25).toEqual(tenMonths({ 1: 10, 2: 13 }))
    expect((properties.daily as { date: string }[]).map((d) => d.date)).toEqual(['2022-02-01', '2022-02-02'])
  })

  it('reports the cells at fault trimmed, and a missing station or date as empty, short rows too', () => {
    const { report, collection } = readingsFromTable(
      table(header, [
        [' 火星站 ', '2022-01', '1', '', ''],
        ['曹宅空气站', ' soon ', '1', '', ''],
        ['曹宅空气站', '2022-03', '1', 'n/a', ''],
        ['', '2022-04', '3', '', ''],
        [' 曹宅空气站 ', '2022-05', '3', '', ''],
      ]),
      stations,
      gazetteer,
    )
    expect(report.refused).toEqual([
      { line: 2, value: '火星站', reason: 'station-not-found' },
      { line: 3, value: 'soon', reason: 'bad-date' },
      { line: 4, value: 'n/a', reason: 'bad-value' },
      { line: 5, value: '', reason: 'no-station' },
    ])
    expect(report.stationsNotFound).toEqual(['火星站'])
    expect(collection!.features[0]!.properties!.name).toBe('曹宅空气站')
    const shortRows = readingsFromTable(table(['pm25', '日期', '站点'], [['5', '2022-01']]), stations, gazetteer).report
      .refused
    expect(shortRows).toEqual([{ line: 2, value: '', reason: 'no-station' }])
    const noDate = readingsFromTable(table(['站点', 'pm25', '日期'], [['S', '5']]), stations, gazetteer).report.refused
    expect(noDate).toEqual([{ line: 2, value: '', reason: 'bad-date' }])
  })

  it('reads a month without a year as the dominant year and says so; a dated table assumes nothing', () => {
    const assumed = readingsFromTable(table(header, [['曹宅空气站', '3月', '1', '', '']]), stations, gazetteer)
    expect(assumed.report).toMatchObject({ year: 2022, rowsUsed: 1, months: [3], yearAssumed: true })
    const dated = readingsFromTable(table(header, [['曹宅空气站', '2023-03', '1', '', '']]), stations, gazetteer)
    expect(dated.report).toMatchObject({ year: 2023, rowsUsed: 1, yearAssumed: false })
  })

  it('lists the months in order and the refused rows by line, whatever order the rows come in', () => {
    const { report } = readingsFromTable(
      {
        header,
        rows: [
          ['曹宅空气站', '2022-07', '1', '', ''],
          ['多湖站', '2022-02', '1', '', ''],
          ['火星站', '2022-02', '1', '', ''],
          ['多湖站', '2022-05', '1', '', ''],
          ['木星站', '2022-02', '1', '', ''],
        ],
        lines: [3, 9, 8, 2, 4],
      },
      stations,
      gazetteer,
    )
    expect(report.months).toEqual([2, 5, 7])
    expect(report.refused.map((r) => r.line)).toEqual([4, 8])
  })
})
