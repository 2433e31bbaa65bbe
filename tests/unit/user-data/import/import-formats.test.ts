import { readFileSync } from 'node:fs'
import type { FeatureCollection } from 'geojson'
import { describe, expect, it } from 'vitest'
import { setActivePinia, createPinia } from 'pinia'
import { parseXml, XmlSyntaxError } from '../../../../src/user-data/import/xml-dom'
import { excelSerialToIso } from '../../../../src/user-data/import/parse-xlsx'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { IMPORT_TEMPLATES, templateCsv } from '../../../../src/user-data/templates/import-templates'
import { INDICATORS } from '../../../../src/domain/indicators/township-indicators'
import { writeXlsx } from '../../../fixtures/make-format-fixtures'

const text = (value: string) => new TextEncoder().encode(value)
const run = (bytes: Uint8Array, fileName: string, sheet?: string) =>
  importBytes(bytes, { fileName, declaredCrs: 'auto', ...(sheet ? { sheet } : {}) })

describe('the worker-side XML DOM', () => {
  it('builds what togeojson reads: elements, attributes, text, CDATA, entities, namespaces', () => {
    const document = parseXml(
      '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x "y">]><kml xmlns="urn:k" xmlns:gx="urn:gx"><a id=\'1\'>x ' +
        '&amp; &#x4E2D;<![CDATA[<b>]]></a><gx:Track/></kml>',
    )
    const a = document.getElementsByTagName('a')[0]!
    expect(a.getAttribute('id')).toBe('1')
    expect(a.textContent).toBe('x & 中<b>')
    expect(a.childNodes.item(1)?.nodeType).toBe(4)
    expect(document.getElementsByTagNameNS('urn:gx', 'Track')).toHaveLength(1)
    expect(document.documentElement?.namespaceURI).toBe('urn:k')
  })
  it.each([
    ['<kml><a></b></kml>', 1, 'does not match <a>'],
    ['<kml>\n<a>', 2, 'the file ends inside <a>'],
    ['<kml a=1></kml>', 1, 'values must be quoted'],
    ['<kml/><kml/>', 1, 'after the root element'],
    ['', 1, 'no root element'],
  ])('refuses %j with its line', (xml, line, message) => {
    try {
      parseXml(xml)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(XmlSyntaxError)
      expect((error as XmlSyntaxError).line).toBe(line)
      expect((error as Error).message).toContain(message)
    }
  })
})

describe('spreadsheets', () => {
  it('serial dates follow Excel (1900 system)', () => {
    expect(excelSerialToIso(44927)).toBe('2023-01-01')
    expect(excelSerialToIso(61)).toBe('1900-03-01')
    expect(excelSerialToIso(44927.5)).toBe('2023-01-01 12:00:00')
  })
  it('lists the sheets and reads the one asked for', async () => {
    const workbook = writeXlsx([
      { name: '说明', rows: [['本表为测试']] },
      {
        name: '点位',
        rows: [
          ['名称', '经度', '纬度'],
          ['曹宅镇', 119.75057, 29.20447],
        ],
      },
    ])
    const first = await run(workbook, 'w.xlsx')
    expect(first.sheets).toEqual({ names: ['说明', '点位'], chosen: '说明' })
    expect(first.ok).toBe(false)
    const second = await run(workbook, 'w.xlsx', '点位')
    expect(second.sheets?.chosen).toBe('点位')
    expect(second.featureCount).toBe(1)
    expect(second.data!.features[0]!.properties).toEqual({ 名称: '曹宅镇' })
  })
})

describe('KML and GPX in the engine', () => {
  it('a KML that is not KML or GPX is named by its root', async () => {
    const result = await run(text('<?xml version="1.0"?><gml:FeatureCollection xmlns:gml="g"/>'), 'a.xml')
    expect(result.problems[0]!.message.en).toMatch(/its root is <gml:FeatureCollection>/)
  })
  it('placemarks without geometry are skipped with a warning, the others kept', async () => {
    const kml =
      '<kml><Placemark><name>a</name></Placemark><Placemark><Point><coordinates>119.7,29.1</coordinates></Point>' +
      '</Placemark></kml>'
    const result = await run(text(kml), 'a.kml')
    expect(result.featureCount).toBe(1)
    expect(result.rejectedCount).toBe(1)
    expect(result.problems[0]!.message.en).toMatch(/1 placemark\(s\) have no geometry/)
  })
})

describe('templates', () => {
  it('each kind is a CSV with BOM: header, a note row, one example row', () => {
    expect(IMPORT_TEMPLATES.map((t) => t.kind)).toEqual([
      'township-indicators',
      'stations',
      'readings',
      'inspections',
      'points',
    ])
    for (const template of IMPORT_TEMPLATES) {
      const csv = templateCsv(template, 'zh')
      expect(csv.startsWith('\uFEFF')).toBe(true)
      const lines = csv.slice(1).trimEnd().split('\r\n')
      expect(lines).toHaveLength(3)
      expect(lines[0]!.split(',')).toHaveLength(template.columns.length)
      expect(lines[1]!.startsWith('# ')).toBe(true)
    }
  })
  it('the township template, note row removed, imports as a joinable table', async () => {
    const csv = templateCsv(IMPORT_TEMPLATES[0]!, 'zh')
      .split('\r\n')
      .filter((line) => !line.startsWith('#'))
      .join('\r\n')
    const result = await run(text(csv), 't.csv')
    expect(result.table?.rows).toEqual([['曹宅镇', '12', '3.5']])
  })
  it('the points template imports as a point', async () => {
    const csv = templateCsv(IMPORT_TEMPLATES[4]!, 'en')
      .split('\r\n')
      .filter((line) => !line.startsWith('#'))
      .join('\r\n')
    expect((await run(text(csv), 'p.csv')).featureCount).toBe(1)
  })
})

describe('user indicators in the store', () => {
  it('a joined column is offered, valued per township, classified and coloured', async () => {
    setActivePinia(createPinia())
    const { useIndicatorsStore } = await import('../../../../src/stores/indicators')
    const { useLayersStore } = await import('../../../../src/stores/layers')
    const layers = useLayersStore()
    const towns = JSON.parse(readFileSync('public/geo/towns.geojson', 'utf8')) as FeatureCollection
    layers.setBuiltData('towns', towns, null)
    const indicators = useIndicatorsStore()
    const values: Record<string, number> = Object.fromEntries(
      towns.features.map((f, i) => [String(f.properties!.code), i * 10]),
    )
    delete values['330703200'] // 源东乡: not in the table → no data, not 0
    indicators.addUserIndicators([
      {
        id: 'user:f:信访件数',
        label: { zh: '信访件数', en: '信访件数' },
        unit: { zh: '', en: '' },
        kind: 'count',
        provenance: 'user',
        reportFigureIds: [],
        note: { zh: '', en: '' },
        values,
      },
    ])
    expect(indicators.definitions.at(-1)?.provenance).toBe('user')
    expect(indicators.definitions).toHaveLength(INDICATORS.length + 1)
    layers.setChoropleth('towns', { indicator: 'user:f:信访件数' })
    expect(indicators.indicator.id).toBe('user:f:信访件数')
    expect(indicators.byArea['330703103']!['user:f:信访件数']).toBe(40)
    expect(indicators.byArea['330703200']!['user:f:信访件数']).toBeNull()
    expect(Object.keys(indicators.colours)).toHaveLength(10)
    expect(indicators.classification!.classes.length).toBeGreaterThan(1)
  })
})
