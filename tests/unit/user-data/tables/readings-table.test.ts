// A readings table to monthly station readings: matched stations, the month axis, refused rows.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { FeatureCollection } from 'geojson'
import type { JoinTable } from '../../../../src/user-data/tables/name-join'
import { buildGazetteer } from '../../../../src/domain/places/place-names'
import { readingsFromTable } from '../../../../src/user-data/tables/readings-table'
import { stationReadings } from '../../../../src/domain/air/readings'
import { airStationsFrom } from '../../../../src/domain/warnings/warnings'

const towns = (
  JSON.parse(readFileSync('public/geo/towns.geojson', 'utf8')) as {
    features: { properties: { code: string; name: string } }[]
  }
).features.map((f) => ({ code: f.properties.code, name: f.properties.name }))
const villages = (
  JSON.parse(readFileSync('public/geo/villages.json', 'utf8')) as {
    villages: { code: string; name: string; townCode: string; shortName: string }[]
  }
).villages
const gazetteer = buildGazetteer(towns, villages)
const stations = JSON.parse(readFileSync('public/geo/monitoring-points.geojson', 'utf8')) as FeatureCollection

const CAOZHAI = towns.find((t) => t.name === '曹宅镇')!.code

function table(header: string[], rows: string[][]): JoinTable {
  return { header, rows, lines: rows.map((_, i) => i + 2) }
}

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
