/**
 * 出图's page: the meeting picture's layout on A4 paper, as PDF items — the title bar, the map image at the
 * frame's size, the north arrow over the map's top-right corner, the legend's entries, and the footer
 * with the scale statement, the sources and the 审图号 — and a PDF that holds them.
 */
import { describe, expect, test } from 'vitest'
import { printItems, printPdf, type PrintLayout } from '../../../src/io/print-pdf'
import { paperCssPx, paperMm } from '../../../src/settings/print-paper'
import { pictureMapSize } from '../../../src/settings/picture-pages'
import { latin1, pageContents, tinyJpeg } from './pdf/read-pdf'

const page = paperCssPx('a4-landscape')
const mapSize = pictureMapSize(page)
const layout = (change: Partial<PrintLayout> = {}): PrintLayout => ({
  map: { width: mapSize.width * 3, height: mapSize.height * 3 } as HTMLCanvasElement,
  mapJpeg: tinyJpeg(mapSize.width * 3, mapSize.height * 3),
  scale: 3,
  page,
  paper: paperMm('a4-landscape'),
  title: '金东区执法检查分布图',
  subtitle: '金华市金东区 · 2026-12-06',
  documentTitle: '金东区执法检查分布图',
  legend: [
    { title: '乡镇（街道）（近似）', items: [{ label: '24 – 53 家次', colour: '#fef0d9', shape: 'fill' }] },
    { title: '河流（近似）', reference: true, items: [{ label: '河流', colour: '#3b82f6', shape: 'line' }] },
  ],
  titleCard: [],
  attribution: '行政区划：高德地图 · 河流：CIA WDB II',
  metresPer100px: 2645.8,
  bearing: 0,
  north: '北',
  scaleStatement: '比例尺 1:100,000',
  approval: '审图号：浙S(2022)123号',
  ...change,
})
const texts = (items: ReturnType<typeof printItems>) => items.flatMap((item) => (item.kind === 'text' ? [item] : []))

describe('printItems', () => {
  test('the title bar, the legend, the footer: every word as text', () => {
    const words = texts(printItems(layout())).map((t) => t.text)
    expect(words).toEqual(
      expect.arrayContaining([
        '金东区执法检查分布图',
        '金华市金东区 · 2026-12-06',
        '乡镇（街道）（近似）',
        '24 – 53 家次',
        '河流（近似）',
        '行政区划：高德地图 · 河流：CIA WDB II',
        '审图号：浙S(2022)123号',
        '北',
      ]),
    )
    expect(words.some((w) => w.endsWith('比例尺 1:100,000'))).toBe(true)
  })

  test('the map fills the frame the picture leaves it: right of it the legend, under the title bar', () => {
    const image = printItems(layout()).find((item) => item.kind === 'image')!
    if (image.kind !== 'image') return
    const mm = (px: number) => (px * 25.4) / 96
    expect(image.xMm).toBe(0)
    expect(image.yMm).toBeCloseTo(mm(56), 6)
    expect(image.widthMm).toBeCloseTo(mm(mapSize.width), 6)
    expect(image.heightMm).toBeCloseTo(mm(mapSize.height), 6)
  })

  test('the north arrow sits in the map’s top-right corner and turns with the bearing', () => {
    const arrowOf = (bearing: number) =>
      printItems(layout({ bearing })).find((item) => item.kind === 'path' && item.closed && item.points.length === 4)!
    const up = arrowOf(0)
    if (up.kind !== 'path') return
    const tip = up.points[0]!
    const mapRightMm = ((page.width - 280) * 25.4) / 96
    expect(tip[0]).toBeGreaterThan(mapRightMm - 20)
    expect(tip[0]).toBeLessThan(mapRightMm)
    // Pointing up: the tip is the arrow's highest point.
    expect(tip[1]).toBe(Math.min(...up.points.map((p) => p[1])))
    const turned = arrowOf(90)
    if (turned.kind !== 'path') return
    // Turned 90° clockwise, north points left: the tip is the leftmost point.
    expect(turned.points[0]![0]).toBeCloseTo(Math.min(...turned.points.map((p) => p[0])), 6)
  })

  test('no 审图号, no line for it', () => {
    expect(texts(printItems(layout({ approval: '' }))).some((t) => t.text.startsWith('审图号'))).toBe(false)
  })
})

describe('printPdf', () => {
  test('an A4 landscape page with the map image and the text, the title in the metadata', () => {
    const pdf = printPdf(layout(), new Date('2026-12-06T12:00:00Z'))
    const text = latin1(pdf)
    expect(text).toContain('/MediaBox [0 0 841.89 595.28]')
    expect(text).toMatch(/\/Subtype \/Image \/Width \d+ \/Height \d+/)
    const [content] = pageContents(pdf)
    expect(content).toMatch(/\/Im\d+ Do/)
    expect(content).toMatch(/BT \/F1/)
  })
})
