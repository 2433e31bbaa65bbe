// What a table the user brought is offered as: readings, inspections, or nothing.
import type { FeatureCollection } from 'geojson'
import { describe, expect, it } from 'vitest'
import type { ImportFormat, ImportResult } from '../../../../src/user-data/import/types'
import { pointTableFromFeatures } from '../../../../src/user-data/tables/point-table'
import { tableOffer, type TableOfferContext } from '../../../../src/user-data/tables/table-offer'
import { gazetteer, towns } from '../../support/district-places'

const context: TableOfferContext = {
  gazetteer,
  townPoints: new Map(towns.map((t) => [t.code, [119.6, 29.1] as [number, number]])),
  stations: null,
}

function result(format: ImportFormat, parts: Partial<ImportResult>): ImportResult {
  return {
    ok: true,
    data: null,
    format,
    encoding: 'utf-8',
    featureCount: 0,
    rejectedCount: 0,
    geometryTypes: [],
    problems: [],
    crsSuggestions: [],
    bbox: null,
    ...parts,
  }
}

const inspections = {
  header: ['日期', '类型', '乡镇'],
  rows: [
    ['2022-03-01', '检查', '曹宅镇'],
    ['2022-04-02', '案件', '孝顺镇'],
  ],
  lines: [2, 3],
}

const readingPoints: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [119.7, 29.1] },
      properties: { 站点: '甲站', 日期: '2022-01', pm25: '30' },
    },
  ],
}

describe('the offer a table makes', () => {
  it('a table of inspections is offered as inspections, with its header and row count', () => {
    const offer = tableOffer(result('csv', { ok: false, table: inspections }), context)
    expect(offer).toMatchObject({ kind: 'inspections', header: ['日期', '类型', '乡镇'], rows: 2 })
    expect(offer!.converted.report.rowsUsed).toBe(2)
  })

  it('the rows of a CSV that came as points are offered too, with their position as columns', () => {
    const offer = tableOffer(result('csv', { data: readingPoints, featureCount: 1 }), context)
    expect(offer).toMatchObject({ kind: 'readings', header: ['站点', '日期', 'pm25', '经度', '纬度'], rows: 1 })
  })

  it('points from a map format are no table', () => {
    expect(tableOffer(result('geojson', { data: readingPoints, featureCount: 1 }), context)).toBeNull()
  })

  it('a table that is neither readings nor inspections is offered as nothing', () => {
    const ledger = { header: ['乡镇', '信访件数'], rows: [['曹宅镇', '3']], lines: [2] }
    expect(tableOffer(result('csv', { ok: false, table: ledger }), context)).toBeNull()
  })

  it('a large point set stays a layer of its own, even with a table beside it', () => {
    const points = pointTableFromFeatures(readingPoints.features)
    expect(tableOffer(result('csv', { points, table: inspections }), context)).toBeNull()
  })
})
