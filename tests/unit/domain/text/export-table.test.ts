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
