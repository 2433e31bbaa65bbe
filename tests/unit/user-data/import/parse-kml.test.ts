// KML, GPX and KMZ to features (parse-kml.ts): placemarks with their name, description and ExtendedData as
// properties and Point, LineString, Polygon (with holes) and MultiGeometry as drawn; a GPX or KML written with a
// namespace prefix (<gpx:wpt>) read as one without; placemarks without geometry
// skipped with one warning; a file with nothing to draw, XML that is not KML or GPX, and broken XML refused with
// where; a KMZ read from its doc.kml (any case), else its first .kml with a word, else refused with what it holds.
import { describe, expect, test } from 'vitest'
import { parseXml, XmlDocument } from '../../../../src/domain/text/xml-dom'
import { ImportContext } from '../../../../src/user-data/import/import-context'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { parseKmz, parseXmlGeoText, xmlGeoKind } from '../../../../src/user-data/import/parse-kml'
import type { ImportProgress } from '../../../../src/user-data/import/types'
import { writeZip, type ZipInput } from '../../../fixtures/support/zip-writer'

const utf8 = (value: string) => new TextEncoder().encode(value)

function recordingContext(fileName: string, signal?: AbortSignal) {
  const progress: ImportProgress[] = []
  const context = new ImportContext(fileName, (step) => progress.push(step), signal)
  return { context, progress }
}

async function parse(text: string, label: 'KML' | 'GPX' | 'XML' = 'KML') {
  const { context, progress } = recordingContext('f.kml')
  const { source, kind } = await parseXmlGeoText(text, label, context)
  return { source, kind, progress, problems: context.problems.toArray() }
}

async function parseZip(entries: readonly ZipInput[]) {
  const context = new ImportContext('f.kmz')
  const source = await parseKmz(writeZip(entries), context)
  return { source, problems: context.problems.toArray() }
}

const problem = (file: string, fields: Record<string, unknown>) => ({
  file,
  featureIndex: null,
  line: null,
  field: '',
  ...fields,
})

const kml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${body}</Document></kml>`
const placemark = (name: string, geometry = '') => `<Placemark><name>${name}</name>${geometry}</Placemark>`
const point = (lon: number, lat: number) => `<Point><coordinates>${lon},${lat}</coordinates></Point>`
const POINT_KML = kml(placemark('曹宅', point(119.75, 29.2)))
const CAOZHAI = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [119.75, 29.2] },
  properties: { name: '曹宅' },
}

describe('a KML', () => {
  test('every placemark with its properties and geometry, each remembering its place in the file', async () => {
    const text = kml(
      '<Placemark><name>监测点</name><description>国控站</description><ExtendedData>' +
        '<Data name="站点编码"><value>330703</value></Data><Data name="类型"><value>空气</value></Data>' +
        '</ExtendedData><Point><coordinates>119.75,29.2,35</coordinates></Point></Placemark>' +
        placemark('东溪', '<LineString><coordinates>119.7,29.1 119.8,29.15 119.9,29.1</coordinates></LineString>') +
        placemark(
          '湖',
          '<Polygon><outerBoundaryIs><LinearRing><coordinates>119,29 120,29 120,30 119,30 119,29</coordinates>' +
            '</LinearRing></outerBoundaryIs><innerBoundaryIs><LinearRing><coordinates>' +
            '119.2,29.2 119.4,29.2 119.4,29.4 119.2,29.2</coordinates></LinearRing></innerBoundaryIs></Polygon>',
        ) +
        placemark(
          '组',
          `<MultiGeometry>${point(119.1, 29.1)}<LineString><coordinates>119,29 119.5,29.5` +
            '</coordinates></LineString></MultiGeometry>',
        ),
    )
    const { source, kind, problems, progress } = await parse(text)
    expect(problems).toEqual([])
    expect(kind).toBe('kml')
    expect(source.failed).toBe(false)
    expect(source.rejectedCount).toBe(0)
    expect(source.candidates.features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [119.75, 29.2, 35] },
        properties: { name: '监测点', description: '国控站', 站点编码: '330703', 类型: '空气' },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [119.7, 29.1],
            [119.8, 29.15],
            [119.9, 29.1],
          ],
        },
        properties: { name: '东溪' },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [119, 29],
              [120, 29],
              [120, 30],
              [119, 30],
              [119, 29],
            ],
            [
              [119.2, 29.2],
              [119.4, 29.2],
              [119.4, 29.4],
              [119.2, 29.2],
            ],
          ],
        },
        properties: { name: '湖' },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Point', coordinates: [119.1, 29.1] },
            {
              type: 'LineString',
              coordinates: [
                [119, 29],
                [119.5, 29.5],
              ],
            },
          ],
        },
        properties: { name: '组' },
      },
    ])
    expect([0, 1, 2, 3].map((i) => source.candidates.originAt(i))).toEqual([
      { featureIndex: 0, line: null },
      { featureIndex: 1, line: null },
      { featureIndex: 2, line: null },
      { featureIndex: 3, line: null },
    ])
    expect(progress).toEqual([
      { phase: 'parsing', fraction: 0 },
      { phase: 'parsing', fraction: 1 },
    ])
  })

  test('placemarks whose coordinates cannot be read are named by their place in the file, the first five', async () => {
    const unreadable = placemark('坏', '<LineString><coordinates>119.7,abc</coordinates></LineString>')
    const text = kml(placemark('曹宅', point(119.75, 29.2)) + unreadable.repeat(6))
    const { problems } = await parse(text)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).toEqual({
      zh: '6 个地标（第 2, 3, 4, 5, 6, … 个）没有可读的几何（无点、线或面，或坐标不可读），已跳过',
      en:
        '6 placemark(s) (number 2, 3, 4, 5, 6, …) have no readable geometry ' +
        '(no point, line or polygon, or coordinates that cannot be read) and were skipped',
    })
  })

  test('placemarks without geometry are skipped with one warning; the rest keep their index in the file', async () => {
    const text = kml(placemark('无坐标') + placemark('曹宅', point(119.75, 29.2)) + placemark('空点', '<Point/>'))
    const { source, problems } = await parse(text)
    expect(problems).toEqual([
      problem('f.kml', {
        severity: 'warning',
        found: '2 without geometry',
        expected: 'a Point, LineString or Polygon',
        message: {
          zh: '2 个地标（第 1, 3 个）没有可读的几何（无点、线或面，或坐标不可读），已跳过',
          en:
            '2 placemark(s) (number 1, 3) have no readable geometry ' +
            '(no point, line or polygon, or coordinates that cannot be read) and were skipped',
        },
      }),
    ])
    expect(source.failed).toBe(false)
    expect(source.rejectedCount).toBe(2)
    expect(source.candidates.features).toEqual([CAOZHAI])
    expect(source.candidates.originAt(0)).toEqual({ featureIndex: 1, line: null })
  })

  test('only placemarks without geometry: the warning alone, not also "no Placemark"', async () => {
    const { source, problems } = await parse(kml(placemark('a') + placemark('b')))
    expect(problems.map((p) => [p.severity, p.found])).toEqual([['warning', '2 without geometry']])
    expect(source).toMatchObject({ failed: false, rejectedCount: 2 })
    expect(source.candidates.length).toBe(0)
  })

  test('a KML without a placemark is refused, naming what it expected', async () => {
    const { source, kind, problems } = await parse(kml('<name>空文档</name>'))
    expect(kind).toBe('kml')
    expect(problems).toEqual([
      problem('f.kml', {
        severity: 'error',
        found: '0 features',
        expected: 'Placemark',
        message: { zh: 'KML 中没有地标（Placemark）', en: 'the KML holds no Placemark' },
      }),
    ])
    expect(source).toMatchObject({ failed: true, rejectedCount: 0 })
    expect(source.candidates.length).toBe(0)
  })

  test('through the engine, a bad coordinate is reported at its placemark, counting the skipped ones', async () => {
    const text = kml(
      placemark('无坐标') + placemark('曹宅', point(119.75, 29.2)) + placemark('坏', point(119.7, 229.1)),
    )
    const result = await importBytes(utf8(text), { fileName: 'a.kml', declaredCrs: 'auto' })
    expect(result).toMatchObject({ ok: true, format: 'kml', featureCount: 1 })
    expect(result.data!.features).toEqual([CAOZHAI])
    const bad = result.problems.find((p) => p.field === 'geometry.coordinates')
    expect(bad).toMatchObject({ severity: 'error', featureIndex: 2, found: '[119.7, 229.1]' })
  })
})

describe('a GPX', () => {
  test('waypoints become points with their names', async () => {
    const gpx =
      '<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">' +
      '<wpt lat="29.2" lon="119.75"><name>采样点</name></wpt></gpx>'
    const { source, kind, problems } = await parse(gpx, 'GPX')
    expect(problems).toEqual([])
    expect(kind).toBe('gpx')
    expect(source.candidates.features).toEqual([
      { type: 'Feature', geometry: { type: 'Point', coordinates: [119.75, 29.2] }, properties: { name: '采样点' } },
    ])
  })

  test('a GPX without waypoint, route or track is refused, naming all three', async () => {
    const { source, problems } = await parse('<gpx version="1.1"><metadata><name>空</name></metadata></gpx>', 'GPX')
    expect(problems).toEqual([
      problem('f.kml', {
        severity: 'error',
        found: '0 features',
        expected: 'wpt, rte or trk',
        message: {
          zh: 'GPX 中没有航点、航线或航迹（wpt、rte、trk）',
          en: 'the GPX holds no waypoint, route or track (wpt, rte, trk)',
        },
      }),
    ])
    expect(source.failed).toBe(true)
  })
})

describe('GPX items without usable coordinates', () => {
  const GPX = (body: string) =>
    `<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">${body}</gpx>`
  const leftOut = (count: number, found: string) =>
    problem('f.kml', {
      severity: 'warning',
      found,
      expected: 'a wpt with lat and lon; a rte or trk of 2 or more points',
      message: {
        zh: `${count} 个航点、航线或航迹没有可用的坐标（${found}），已跳过：航点须有 lat 和 lon，航线、航迹须至少有 2 个点`,
        en:
          `${count} waypoint(s), route(s) or track(s) have no usable coordinates (${found}) and were skipped: ` +
          'a waypoint needs lat and lon, a route or track at least 2 points',
      },
    })

  test('are skipped with a warning counting each kind; the others are kept', async () => {
    const { source, problems } = await parse(
      GPX(
        '<wpt lat="29.2" lon="119.75"><name>采样点</name></wpt><wpt lat="29.2"><name>缺经度</name></wpt>' +
          '<wpt lat="北纬" lon="119.75"/><rte><name>单点</name><rtept lat="29" lon="119.7"/></rte>' +
          '<rte><name>线</name><rtept lat="29" lon="119.7"/><rtept lat="29.1" lon="119.8"/></rte>' +
          '<trk><name>单点轨迹</name><trkseg><trkpt lat="29" lon="119.7"/></trkseg></trk>',
      ),
      'GPX',
    )
    expect(problems).toEqual([leftOut(4, '2 wpt, 1 rte, 1 trk')])
    expect(source).toMatchObject({ failed: false, rejectedCount: 4 })
    expect(source.candidates.features.map((feature) => feature.properties!.name)).toEqual(['线', '采样点'])
  })

  test('one kind alone is named alone', async () => {
    const { problems } = await parse(
      GPX('<wpt lat="29.2" lon="119.75"/><trk><trkseg><trkpt lat="29" lon="119.7"/></trkseg></trk>'),
      'GPX',
    )
    expect(problems).toEqual([leftOut(1, '1 trk')])
  })

  test('none usable: the warning, not "holds no waypoint, route or track"; through the engine, nothing', async () => {
    const text = GPX('<wpt lat="29.2"/><trk><trkseg><trkpt lat="29" lon="119.7"/></trkseg></trk>')
    const { source, problems } = await parse(text, 'GPX')
    expect(problems).toEqual([leftOut(2, '1 wpt, 1 trk')])
    expect(source).toMatchObject({ failed: false, rejectedCount: 2 })
    expect(source.candidates.length).toBe(0)
    const result = await importBytes(utf8(text), { fileName: 'a.gpx', declaredCrs: 'auto' })
    expect(result).toMatchObject({ ok: false, data: null, format: 'gpx', rejectedCount: 2 })
    expect(result.problems[0]!.found).toBe('1 wpt, 1 trk')
  })
})

describe('a GPX or KML written with a namespace prefix', () => {
  const GPX_NS = 'xmlns:gpx="http://www.topografix.com/GPX/1/1"'

  /** The same GPX with every element of the GPX namespace under `prefix` ('gpx:'), or unprefixed (''). */
  const gpxWith = (prefix: string) =>
    '<?xml version="1.0"?>' +
    `<${prefix}gpx version="1.1" xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://www.topografix.com/GPX/1/1">` +
    `<${prefix}wpt lat="29.2" lon="119.75"><${prefix}name>采样点</${prefix}name></${prefix}wpt>` +
    `<${prefix}rte><${prefix}name>线</${prefix}name><${prefix}rtept lat="29" lon="119.7"/>` +
    `<${prefix}rtept lat="29.1" lon="119.8"/></${prefix}rte>` +
    `<${prefix}trk><${prefix}name>轨迹</${prefix}name><${prefix}trkseg><${prefix}trkpt lat="29" lon="119.7"/>` +
    `<${prefix}trkpt lat="29.1" lon="119.8"/></${prefix}trkseg></${prefix}trk></${prefix}gpx>`

  test('a prefixed GPX: its waypoints, routes and tracks are read as in an unprefixed one', async () => {
    const prefixed = await parse(gpxWith('gpx:'), 'GPX')
    const plain = await parse(gpxWith(''), 'GPX')
    expect(prefixed.problems).toEqual([])
    expect(prefixed.kind).toBe('gpx')
    expect(prefixed.source.candidates.features.map((feature) => feature.properties!.name)).toEqual([
      '轨迹',
      '线',
      '采样点',
    ])
    expect(prefixed.source.candidates.features).toEqual(plain.source.candidates.features)
  })

  test('a prefixed GPX item without coordinates is still counted in the warning', async () => {
    const gpx =
      `<gpx:gpx ${GPX_NS}><gpx:wpt lat="29.2" lon="119.75"/><gpx:wpt lat="29.2"/>` +
      '<gpx:trk><gpx:trkseg><gpx:trkpt lat="29" lon="119.7"/></gpx:trkseg></gpx:trk></gpx:gpx>'
    const { source, problems } = await parse(gpx, 'GPX')
    expect(problems.map((p) => [p.severity, p.found])).toEqual([['warning', '1 wpt, 1 trk']])
    expect(source).toMatchObject({ failed: false, rejectedCount: 2 })
    expect(source.candidates.length).toBe(1)
  })

  test('a prefixed KML: its placemarks are read; elements of other namespaces keep their prefix', async () => {
    const text =
      '<kml:kml xmlns:kml="http://www.opengis.net/kml/2.2" xmlns:atom="http://www.w3.org/2005/Atom">' +
      '<kml:Document><kml:Placemark><atom:author><atom:name>作者</atom:name></atom:author><kml:name>曹宅</kml:name>' +
      '<kml:Point><kml:coordinates>119.75,29.2</kml:coordinates></kml:Point></kml:Placemark>' +
      '</kml:Document></kml:kml>'
    const { source, kind, problems } = await parse(text)
    expect(problems).toEqual([])
    expect(kind).toBe('kml')
    expect(source.candidates.features).toEqual([CAOZHAI])
  })

  test('through the engine: a prefixed GPX named .xml is imported as gpx', async () => {
    const gpx = `<gpx:gpx ${GPX_NS}><gpx:wpt lat="29.2" lon="119.75"><gpx:name>采样点</gpx:name></gpx:wpt></gpx:gpx>`
    const result = await importBytes(utf8(gpx), { fileName: 'track.xml', declaredCrs: 'auto' })
    expect(result).toMatchObject({ ok: true, format: 'gpx', featureCount: 1, problems: [] })
  })
})

describe('XML that is neither KML nor GPX', () => {
  test('is refused, naming its root element', async () => {
    const { source, kind, problems } = await parse(
      '<?xml version="1.0"?><gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml"/>',
      'XML',
    )
    expect(kind).toBeNull()
    expect(problems).toEqual([
      problem('f.kml', {
        severity: 'error',
        found: '<gml:FeatureCollection>',
        expected: '<kml> or <gpx>',
        message: {
          zh: '文件是 XML，但根元素是 <gml:FeatureCollection>，不是 KML（<kml>）或 GPX（<gpx>）',
          en: 'the file is XML, but its root is <gml:FeatureCollection>, not KML (<kml>) or GPX (<gpx>)',
        },
      }),
    ])
    expect(source).toMatchObject({ failed: true, rejectedCount: 0 })
  })

  test('the kind is read from the root, in any case; a document without a root is neither', () => {
    expect(xmlGeoKind(parseXml('<KML/>'))).toBe('kml')
    expect(xmlGeoKind(parseXml('<gpx:GPX xmlns:gpx="g"/>'))).toBe('gpx')
    expect(xmlGeoKind(parseXml('<html/>'))).toBeNull()
    expect(xmlGeoKind(new XmlDocument())).toBeNull()
  })
})

describe('broken XML', () => {
  const BROKEN = kml(`${placemark('曹宅', point(119.75, 29.2))}\n<Placemark><name>b</Placemark>`)

  test('is refused with the line and column, and nothing from before the break is kept', async () => {
    const { source, kind, problems, progress } = await parse(BROKEN)
    expect(kind).toBeNull()
    expect(problems).toEqual([
      problem('f.kml', {
        severity: 'error',
        line: 3,
        found: 'line 3, column 19',
        expected: 'well-formed XML',
        message: {
          zh: 'KML 文件损坏（第 3 行第 19 列）：结束标签 </Placemark> 与第 3 行的 <name> 不匹配；未导入任何要素',
          en:
            'the KML file is broken (line 3, column 19): the closing tag </Placemark> does not match <name> ' +
            'opened on line 3; nothing was imported',
        },
      }),
    ])
    expect(source).toMatchObject({ failed: true, rejectedCount: 0 })
    expect(source.candidates.length).toBe(0)
    expect(progress).toEqual([{ phase: 'parsing', fraction: 0 }])
  })

  test('through the engine: a failed result, no data', async () => {
    const result = await importBytes(utf8(BROKEN), { fileName: 'a.kml', declaredCrs: 'auto' })
    expect(result).toMatchObject({ ok: false, data: null, featureCount: 0 })
    expect(result.problems.map((p) => [p.severity, p.line, p.found])).toEqual([['error', 3, 'line 3, column 19']])
  })
})

describe('a KMZ', () => {
  const OTHER = kml(placemark('别处', point(119.6, 29.0)))

  test('its doc.kml is read, whatever its case and wherever it lies among other .kml files', async () => {
    for (const name of ['doc.kml', 'DOC.KML']) {
      const { source, problems } = await parseZip([
        { name: 'files/other.kml', bytes: utf8(OTHER) },
        { name, bytes: utf8(POINT_KML), deflate: true },
      ])
      expect(problems).toEqual([])
      expect(source.candidates.features).toEqual([CAOZHAI])
    }
  })

  test('without doc.kml, the first .kml is read, with a warning naming it', async () => {
    const { source, problems } = await parseZip([
      { name: 'icon.png', bytes: utf8('png') },
      { name: '金东.KML', bytes: utf8(POINT_KML) },
      { name: 'z.kml', bytes: utf8(OTHER) },
    ])
    expect(problems).toEqual([
      problem('f.kmz', {
        severity: 'warning',
        found: '金东.KML',
        expected: 'doc.kml',
        message: { zh: 'KMZ 中没有 doc.kml，已读取 金东.KML', en: 'no doc.kml in the KMZ; read 金东.KML instead' },
      }),
    ])
    expect(source.candidates.features).toEqual([CAOZHAI])
  })

  const noKml = (found: string, listed = found) =>
    problem('f.kmz', {
      severity: 'error',
      found,
      expected: 'doc.kml',
      message: { zh: `KMZ 中没有 doc.kml（包含：${listed}）`, en: `no doc.kml in the KMZ (it holds: ${listed})` },
    })
  const files = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ name: `p${i + 1}.png`, bytes: utf8('png') }))

  test('without any .kml (a name merely containing ".kml" is none), it is refused, listing what it holds', async () => {
    const { source, problems } = await parseZip([
      { name: 'doc.kml.bak', bytes: utf8(POINT_KML) },
      { name: 'readme.txt', bytes: utf8('hi') },
    ])
    expect(problems).toEqual([noKml('doc.kml.bak, readme.txt')])
    expect(source).toMatchObject({ failed: true, rejectedCount: 0 })
  })

  test('six entries are listed in full; from the seventh on, the first six and "…"', async () => {
    expect((await parseZip(files(6))).problems).toEqual([noKml('p1.png, p2.png, p3.png, p4.png, p5.png, p6.png')])
    expect((await parseZip(files(7))).problems).toEqual([noKml('p1.png, p2.png, p3.png, p4.png, p5.png, p6.png, …')])
  })

  test('an empty zip is refused as such', async () => {
    const { source, problems } = await parseZip([])
    expect(problems).toEqual([
      problem('f.kmz', {
        severity: 'error',
        found: 'empty zip',
        expected: 'doc.kml',
        message: { zh: 'KMZ 中没有 doc.kml（包含：无文件）', en: 'no doc.kml in the KMZ (it holds: nothing)' },
      }),
    ])
    expect(source.failed).toBe(true)
  })

  const unreadable = (reason: string) =>
    problem('f.kmz', {
      severity: 'error',
      found: reason,
      expected: 'a readable zip',
      message: { zh: `KMZ（zip）无法读取：${reason}`, en: `the KMZ (zip) cannot be read: ${reason}` },
    })

  test('bytes that are not a zip are refused with the reason', async () => {
    const context = new ImportContext('f.kmz')
    const source = await parseKmz(utf8('<kml>this is not a zip, only text</kml>'), context)
    expect(context.problems.toArray()).toEqual([
      unreadable('no zip directory found (the file is damaged or not a zip)'),
    ])
    expect(source).toMatchObject({ failed: true, rejectedCount: 0 })
  })

  test('an encrypted doc.kml is refused with the reason', async () => {
    const zip = writeZip([{ name: 'doc.kml', bytes: utf8(POINT_KML) }])
    const view = new DataView(zip.buffer)
    const central = view.getUint32(zip.length - 22 + 16, true)
    view.setUint16(central + 8, 0x0801, true) // UTF-8 names, encrypted
    const context = new ImportContext('f.kmz')
    const source = await parseKmz(zip, context)
    expect(context.problems.toArray()).toEqual([unreadable('doc.kml is encrypted')])
    expect(source.failed).toBe(true)
  })

  test('a broken doc.kml is reported as a broken KML, with where', async () => {
    const { source, problems } = await parseZip([{ name: 'doc.kml', bytes: utf8('<kml>\n<Placemark></kml>') }])
    expect(problems.map((p) => [p.severity, p.line, p.message.en])).toEqual([
      [
        'error',
        2,
        'the KML file is broken (line 2, column 12): the closing tag </kml> does not match <Placemark> ' +
          'opened on line 2; nothing was imported',
      ],
    ])
    expect(source.failed).toBe(true)
  })

  test('a cancelled import rejects with the cancellation, not as an unreadable zip', async () => {
    const controller = new AbortController()
    controller.abort()
    const { context } = recordingContext('f.kmz', controller.signal)
    const zip = writeZip([{ name: 'doc.kml', bytes: utf8(POINT_KML) }])
    await expect(parseKmz(zip, context)).rejects.toMatchObject({ name: 'AbortError' })
    expect(context.problems.toArray()).toEqual([])
  })

  test('through the engine: format kmz, the features of doc.kml', async () => {
    const zip = writeZip([{ name: 'doc.kml', bytes: utf8(POINT_KML), deflate: true }])
    const result = await importBytes(zip, { fileName: 'a.kmz', declaredCrs: 'auto' })
    expect(result).toMatchObject({ ok: true, format: 'kmz', featureCount: 1, problems: [] })
    expect(result.data!.features).toEqual([CAOZHAI])
  })
})

describe('a KMZ whose doc.kml is damaged inside the zip', () => {
  /** A zip of a deflated doc.kml whose compressed bytes are overwritten with 0xFF (an invalid block type). */
  function damagedKmz(): Uint8Array {
    const zip = writeZip([{ name: 'doc.kml', bytes: utf8(POINT_KML), deflate: true }])
    const view = new DataView(zip.buffer)
    const start = 30 + view.getUint16(26, true)
    zip.fill(0xff, start, start + view.getUint32(18, true))
    return zip
  }
  // zlib's own words (node): the reason the platform gives, after the entry's name.
  const DAMAGED = 'doc.kml: the compressed data is damaged (invalid block type)'

  test('is refused with a problem naming the entry, not thrown', async () => {
    const context = new ImportContext('f.kmz')
    const source = await parseKmz(damagedKmz(), context)
    expect(context.problems.toArray()).toEqual([
      problem('f.kmz', {
        severity: 'error',
        found: DAMAGED,
        expected: 'a readable zip',
        message: {
          zh: `KMZ（zip）无法读取：${DAMAGED}`,
          en: `the KMZ (zip) cannot be read: ${DAMAGED}`,
        },
      }),
    ])
    expect(source).toMatchObject({ failed: true, rejectedCount: 0 })
  })

  test('through the engine: a failed result, not a rejected promise', async () => {
    const result = await importBytes(damagedKmz(), { fileName: 'a.kmz', declaredCrs: 'auto' })
    expect(result).toMatchObject({ ok: false, data: null, format: 'kmz' })
    expect(result.problems.map((p) => p.found)).toEqual([DAMAGED])
  })
})
