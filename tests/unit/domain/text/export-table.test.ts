import { describe, expect, test } from 'vitest'
import { featuresToCsv, toCsv, toGeoJsonText } from '../../../../src/domain/text/export-table'

describe('CSV export', () => {
  test('starts with a BOM and uses CRLF, quoting what needs quoting', () => {
    const csv = toCsv(['名称', 'note'], [['多湖街道', 'a, "b"\nc']])
    expect(csv.startsWith('\uFEFF名称,note\r\n')).toBe(true)
    expect(csv).toContain('多湖街道,"a, ""b""\nc"')
  })

  test('keeps formulas inert but leaves negative numbers alone', () => {
    const csv = toCsv(['v'], [['=HYPERLINK("http://x")'], ['-12.5'], ['@SUM(A1)']])
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`)
    expect(csv).toContain('\r\n-12.5\r\n')
    expect(csv).toContain("'@SUM(A1)")
  })

  test('writes one row per feature with lng/lat, and markup as plain text', () => {
    const csv = featuresToCsv({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '<img src=x onerror=alert(1)>', n: 3 },
          geometry: { type: 'Point', coordinates: [119.7, 29.1] },
        },
        {
          type: 'Feature',
          properties: { name: 'b' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [119.8, 29.2],
              [119.9, 29.3],
            ],
          },
        },
      ],
    })
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n')
    expect(lines[0]).toBe('name,n,geometry_type,lng,lat')
    expect(lines[1]).toBe('<img src=x onerror=alert(1)>,3,Point,119.7,29.1')
    expect(lines[2]).toBe('b,,LineString,119.8,29.2')
  })

  test('GeoJSON text round-trips', () => {
    const fc = {
      type: 'FeatureCollection' as const,
      features: [
        { type: 'Feature' as const, properties: { a: 1 }, geometry: { type: 'Point' as const, coordinates: [1, 2] } },
      ],
    }
    expect(JSON.parse(toGeoJsonText(fc))).toEqual(fc)
  })
})

describe('CSV cells of every kind', () => {
  const lines = (csv: string) => csv.replace('\uFEFF', '').trim().split('\r\n')

  test('null and missing values are blank; objects and arrays are written as JSON', () => {
    expect(lines(toCsv(['a', 'b', 'c'], [[null, undefined, 0]]))[1]).toBe(',,0')
    expect(lines(toCsv(['a', 'b'], [[{ k: 1 }, [1, 2]]]))[1]).toBe('"{""k"":1}","[1,2]"')
  })

  test('only a whole number is left alone after a sign: anything more after it is made inert', () => {
    const cells = ['-12', '-12.55', '=SUM(A1)-5', '-1+cmd', '+5', '\tx']
    expect(
      lines(
        toCsv(
          ['v'],
          cells.map((c) => [c]),
        ),
      ).slice(1),
    ).toEqual(['-12', '-12.55', "'=SUM(A1)-5", "'-1+cmd", "'+5", "'\tx"])
  })

  test('no position without a geometry, for a collection, or where coordinates are not numbers', () => {
    const feature = (geometry: unknown) => ({
      type: 'Feature' as const,
      properties: { n: 1 },
      geometry: geometry as never,
    })
    const csv = featuresToCsv({
      type: 'FeatureCollection',
      features: [
        feature(null),
        feature({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }] }),
        feature({ type: 'Point', coordinates: ['119.7', '29.1'] }),
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [119.5, 29.5],
              [119.6, 29.5],
              [119.5, 29.6],
              [119.5, 29.5],
            ],
          ],
        }),
      ],
    })
    expect(lines(csv).slice(1)).toEqual(['1,,,', '1,GeometryCollection,,', '1,Point,,', '1,Polygon,119.5,29.5'])
  })
})
