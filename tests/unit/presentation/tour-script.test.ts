/**
 * Tour scripts: the default tour parses against the app's real ids, and a hand-edited script's
 * mistakes come back as messages naming the stop and field, never as a half-valid tour.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { INDICATORS } from '../../../src/domain/indicators/township-indicators'
import {
  HEATMAP_LAYER_ID,
  heatmapPlaybackSeconds,
  parseTourScript,
  tourDurationSeconds,
  type KnownTourIds,
} from '../../../src/presentation/tour-script'
import defaultTour from '../../../src/presentation/default-tour.json'

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))

interface ManifestEntryShape {
  id: string
  kind: string
}
interface TownsShape {
  features: Array<{ properties: { code: string } }>
}
interface FigureShape {
  id: string
  quote: string
}

const manifest = readJson('../../../public/geo/manifest.json') as { entries: ManifestEntryShape[] }
const towns = readJson('../../../public/geo/towns.geojson') as TownsShape
const figures = readJson('../../../seeds/report/figures.json') as FigureShape[]
const reportText = readFileSync(
  new URL('../../../seeds/report/jindong-2022-environment-work-report.txt', import.meta.url),
  'utf8',
)

/** The ids the running app knows: manifest map layers plus the heatmap pseudo-layer. */
const REAL_IDS: KnownTourIds = {
  layerIds: [
    ...manifest.entries.filter((entry) => entry.kind === 'geojson').map((entry) => entry.id),
    HEATMAP_LAYER_ID,
  ],
  townCodes: towns.features.map((feature) => feature.properties.code),
  indicatorIds: INDICATORS.map((indicator) => indicator.id),
  figureIds: figures.map((figure) => figure.id),
}

/** A small valid script to break one field at a time. */
function validScript(): {
  version: number
  title: { zh: string; en: string }
  loop: boolean
  stops: Array<Record<string, unknown>>
} {
  return {
    version: 1,
    title: { zh: '测试', en: 'Test' },
    loop: true,
    stops: [
      { id: 'overview', target: { district: true }, caption: { zh: '全区', en: 'District' }, durationSeconds: 10 },
      {
        id: 'caozhai',
        target: { town: '330703103' },
        layers: ['district', 'towns', 'zero-discharge'],
        indicator: 'zero-discharge',
        showPanel: true,
        caption: { zh: '曹宅镇', en: 'Caozhai' },
        figures: ['zero-discharge-award'],
        durationSeconds: 12,
      },
      {
        id: 'pm25',
        target: { camera: { zoom: 11, lat: 29.1, lng: 119.8 } },
        layers: ['district', HEATMAP_LAYER_ID],
        heatmap: { pollutant: 'pm25', fromMonth: 1, toMonth: 10, secondsPerMonth: 2 },
        caption: { zh: 'PM2.5', en: 'PM2.5' },
        durationSeconds: 25,
      },
    ],
  }
}

function errorsOf(json: unknown): string[] {
  const { script, errors } = parseTourScript(json, REAL_IDS)
  if (errors.length > 0) expect(script).toBeNull()
  return errors
}

describe('the default tour', () => {
  const { script, errors } = parseTourScript(defaultTour, REAL_IDS)

  test('parses against the manifest layers, township codes, indicators and report figures', () => {
    expect(errors).toEqual([])
    expect(script).not.toBeNull()
  })

  test('has about ten stops, loops, and every stop is captioned in both languages', () => {
    expect(script!.loop).toBe(true)
    expect(script!.stops.length).toBeGreaterThanOrEqual(8)
    expect(script!.stops.length).toBeLessThanOrEqual(12)
    for (const stop of script!.stops) {
      expect(stop.caption.zh.length, stop.id).toBeGreaterThan(0)
      expect(stop.caption.en.length, stop.id).toBeGreaterThan(0)
    }
    // A pass takes a few minutes: long enough to read, short enough for a lobby.
    expect(tourDurationSeconds(script!)).toBeGreaterThan(120)
    expect(tourDurationSeconds(script!)).toBeLessThan(600)
  })

  test('visits the places the report names, with the matching layers', () => {
    const stopFor = (town: string) => script!.stops.find((stop) => 'town' in stop.target && stop.target.town === town)
    expect(stopFor('330703001')?.layers).toContain('low-carbon') // 多湖街道
    expect(stopFor('330703103')?.layers).toContain('zero-discharge') // 曹宅镇
    expect(stopFor('330703101')?.layers).toContain('low-carbon') // 孝顺镇 月潭村
    expect(stopFor('330703108')?.layers).toContain('low-carbon') // 赤松镇 北山口村
    expect(stopFor('330703002')?.layers).toContain('zero-discharge') // 东孝街道
    expect(stopFor('330703107')?.layers).toContain('plan-2023-sites') // 塘雅镇
    const layersShown = new Set(script!.stops.flatMap((stop) => stop.layers ?? []))
    for (const id of ['river-sections', 'water-sections', 'enforcement', HEATMAP_LAYER_ID])
      expect(layersShown).toContain(id)
  })

  test('plays the PM2.5 heatmap Jan→Oct within its stop', () => {
    const heatmapStops = script!.stops.filter((stop) => stop.heatmap)
    expect(heatmapStops).toHaveLength(1)
    const [stop] = heatmapStops
    expect(stop!.heatmap).toMatchObject({ pollutant: 'pm25', fromMonth: 1, toMonth: 10 })
    expect(stop!.durationSeconds).toBeGreaterThanOrEqual(heatmapPlaybackSeconds(stop!.heatmap!))
  })

  test('says which map data is sample data where it shows sample points or readings', () => {
    for (const id of ['enforcement', 'pm25-by-month']) {
      const stop = script!.stops.find((candidate) => candidate.id === id)!
      expect(stop.caption.zh, id).toContain('示例数据')
      expect(stop.caption.en, id).toContain('sample data')
    }
  })

  test("captions speak to a lobby: short, and without an auditor's caveats (those stay in the panels)", () => {
    for (const stop of script!.stops) {
      expect(stop.caption.zh.length, stop.id).toBeLessThanOrEqual(80) // three lines of the caption bar
      expect(stop.caption.zh, stop.id).not.toMatch(/此处不归于|非法定|本应用假定|无坐标|该分句|一致/)
      expect(stop.caption.en, stop.id).not.toMatch(/not credited|legal exceedance|this app assumes|coordinates/)
    }
  })

  test('every number in a Chinese caption is one the report states', () => {
    // Numbers glued to the report's own wording: each must occur in the report text. Month
    // ranges ("1-10月") and the PM2.5 / O₃ names are words, not figures.
    for (const stop of script!.stops) {
      const text = stop.caption.zh.replace(/PM2\.5|PM10|O₃|μg\/m³/g, ' ')
      for (const number of text.match(/\d+(?:\.\d+)?/g) ?? []) {
        expect(reportText.includes(number), `${stop.id}: ${number}`).toBe(true)
      }
    }
  })
})

describe('parseTourScript accepts', () => {
  test('a valid script, returning it unchanged in meaning', () => {
    const { script, errors } = parseTourScript(validScript(), REAL_IDS)
    expect(errors).toEqual([])
    expect(script!.stops.map((stop) => stop.id)).toEqual(['overview', 'caozhai', 'pm25'])
    expect(script!.stops[1]).toMatchObject({
      showPanel: true,
      indicator: 'zero-discharge',
      figures: ['zero-discharge-award'],
    })
    expect(script!.stops[2]!.target).toEqual({ camera: { zoom: 11, lat: 29.1, lng: 119.8 } })
  })

  test('a heatmap stop without durationSeconds, which then lasts months × secondsPerMonth', () => {
    const json = validScript()
    delete json.stops[2]!.durationSeconds
    const { script, errors } = parseTourScript(json, REAL_IDS)
    expect(errors).toEqual([])
    expect(script!.stops[2]!.durationSeconds).toBe(20) // 10 months × 2 s
  })
})

describe('parseTourScript rejects, naming the stop and the field', () => {
  test('a duration out of range', () => {
    const json = validScript()
    json.stops[1]!.durationSeconds = 0
    expect(errorsOf(json)).toEqual([
      'stop 1 ("caozhai"): field "durationSeconds" must be a number between 2 and 600, found 0',
    ])
  })

  test('unknown layer ids, township codes, indicators and figures', () => {
    const json = validScript()
    json.stops[1]!.layers = ['district', 'roads']
    json.stops[1]!.target = { town: '330703999' }
    json.stops[1]!.indicator = 'noise'
    json.stops[1]!.figures = ['air-pm25', 'air-pm1']
    const errors = errorsOf(json)
    expect(errors).toHaveLength(4)
    expect(errors[0]).toBe('stop 1 ("caozhai"): field "target.town" must be a known township code, found "330703999"')
    expect(errors[1]).toBe('stop 1 ("caozhai"): field "layers" names unknown layer id "roads"')
    expect(errors[2]).toMatch(/^stop 1 \("caozhai"\): field "indicator" must be a known indicator id .*found "noise"$/)
    expect(errors[3]).toBe('stop 1 ("caozhai"): field "figures" names unknown report figure id "air-pm1"')
  })

  test('a heatmap that cannot finish within its stop', () => {
    const json = validScript()
    json.stops[2]!.durationSeconds = 15
    expect(errorsOf(json)).toEqual([
      'stop 2 ("pm25"): field "durationSeconds" must be at least 20 (10 months × 2 s) ' +
        'so the heatmap plays to its last month, found 15',
    ])
  })

  test('heatmap months outside the readings, reversed, or too fast', () => {
    const json = validScript()
    json.stops[2]!.heatmap = { pollutant: 'so2', fromMonth: 9, toMonth: 11, secondsPerMonth: 0.1 }
    const errors = errorsOf(json)
    expect(errors).toContain(
      'stop 2 ("pm25"): field "heatmap.pollutant" must be one of pm25, pm10, o3_8h, aqi, found "so2"',
    )
    expect(errors).toContain(
      'stop 2 ("pm25"): field "heatmap.toMonth" must be a whole number between 1 and 10, found 11',
    )
    expect(errors).toContain(
      'stop 2 ("pm25"): field "heatmap.secondsPerMonth" must be a number between 0.5 and 60, found 0.1',
    )

    const reversed = validScript()
    reversed.stops[2]!.heatmap = { pollutant: 'pm10', fromMonth: 6, toMonth: 3, secondsPerMonth: 2 }
    expect(errorsOf(reversed)).toEqual([
      'stop 2 ("pm25"): field "heatmap.toMonth" must not come before fromMonth (6), found 3',
    ])
  })

  test('a heatmap whose layer is not shown', () => {
    const json = validScript()
    json.stops[2]!.layers = ['district']
    expect(errorsOf(json)).toEqual([
      'stop 2 ("pm25"): field "layers" must include "readings-heatmap" when "heatmap" is set, ' +
        'or the playback would run unseen',
    ])
    delete json.stops[2]!.layers
    expect(errorsOf(json)[0]).toMatch(/^stop 2 \("pm25"\): field "layers" must be given/)
  })

  test('a panel without a township to open it for', () => {
    const json = validScript()
    json.stops[0]!.showPanel = true
    expect(errorsOf(json)).toEqual([
      'stop 0 ("overview"): field "showPanel" needs a "town" target: the panel opens for the target township',
    ])
  })

  test('targets that are not exactly one of town, camera, district', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ town: '330703103', district: true }, /field "target" must be one of/],
      [{}, /field "target" must be one of/],
      [{ district: false }, /field "target.district" must be true/],
      [
        { camera: { zoom: 30, lat: 29, lng: 119 } },
        /field "target.camera.zoom" must be a number between 0 and 22, found 30/,
      ],
      [
        { camera: { zoom: 10, lat: 29 } },
        /field "target.camera.lng" must be a number between -180 and 180, found nothing/,
      ],
      ['330703103', /field "target" must be one of .* found "330703103"/],
    ]
    for (const [target, expected] of cases) {
      const json = validScript()
      json.stops[0]!.target = target
      const errors = errorsOf(json)
      expect(errors, JSON.stringify(target)).toHaveLength(1)
      expect(errors[0]).toMatch(expected)
    }
  })

  test('repeated ids, bad ids, repeated layers and misspelt fields', () => {
    const json = validScript()
    json.stops[2]!.id = 'overview'
    json.stops[1]!.layers = ['district', 'district']
    json.stops[0]!.duration = 10
    expect(errorsOf(json)).toEqual([
      'stop 0 ("overview"): field "duration" is not a known field ' +
        '(allowed: id, target, layers, indicator, showPanel, heatmap, caption, figures, durationSeconds)',
      'stop 1 ("caozhai"): field "layers" lists layer id "district" twice',
      'stop 2 ("overview"): field "id" repeats the id of stop 0; ids must be unique',
    ])
    const badId = validScript()
    badId.stops[0]!.id = 'Over View'
    expect(errorsOf(badId)[0]).toMatch(/^stop 0 \("Over View"\): field "id" must be a kebab-case string/)
    const noId = validScript()
    delete noId.stops[0]!.id
    expect(errorsOf(noId)[0]).toMatch(/^stop 0: field "id" must be a kebab-case string/)
  })

  test('captions missing a language or too long for the caption bar', () => {
    const json = validScript()
    json.stops[0]!.caption = { zh: '全区' }
    json.stops[1]!.caption = { zh: '长'.repeat(101), en: 'ok' }
    expect(errorsOf(json)).toEqual([
      'stop 0 ("overview"): field "caption.en" must be a non-empty string, found nothing',
      'stop 1 ("caozhai"): field "caption.zh" must be at most 100 characters to fit the caption bar, found 101',
    ])
  })

  test('a script-level problem: version, title, loop, stops', () => {
    expect(errorsOf(null)).toEqual(['tour: must be a JSON object, found null'])
    expect(errorsOf({ version: 2, title: { zh: '', en: 'x' }, loop: 'yes', stops: [] })).toEqual([
      'tour: field "version" must be 1, found 2',
      'tour: field "title.zh" must be a non-empty string, found ""',
      'tour: field "loop" must be true or false, found "yes"',
      'tour: field "stops" must be a non-empty array of stops, found []',
    ])
  })

  test('every error at once, not only the first', () => {
    const json = validScript()
    json.stops[0]!.durationSeconds = 1000
    json.stops[1]!.indicator = 'noise'
    json.stops[2]!.heatmap = { pollutant: 'pm25', fromMonth: 0, toMonth: 10, secondsPerMonth: 2 }
    const errors = errorsOf(json)
    expect(errors.map((error) => error.slice(0, error.indexOf(':')))).toEqual([
      'stop 0 ("overview")',
      'stop 1 ("caozhai")',
      'stop 2 ("pm25")',
    ])
  })
})
