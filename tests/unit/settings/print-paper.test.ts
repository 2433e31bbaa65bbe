/** 出图's paper, scale and pixels: A4/A3 in mm and CSS px, 1:N to metres per pixel and to a zoom, 300 dpi or less. */
import { describe, expect, test } from 'vitest'
import {
  metresPerCssPxAt,
  paperCssPx,
  paperMm,
  printPixelRatio,
  roundScale,
  scaleOf,
  zoomFor,
} from '../../../src/settings/print-paper'
import { pictureMapSize } from '../../../src/settings/picture-pages'
import { DEFAULT_PRINT, readPrintSettings, writePrintSettings } from '../../../src/settings/print-settings'

describe('paper', () => {
  test('A4 and A3, across and upright, in mm and in CSS px at 96 to the inch', () => {
    expect(paperMm('a4-landscape')).toEqual({ widthMm: 297, heightMm: 210 })
    expect(paperMm('a4-portrait')).toEqual({ widthMm: 210, heightMm: 297 })
    expect(paperMm('a3-landscape')).toEqual({ widthMm: 420, heightMm: 297 })
    expect(paperMm('a3-portrait')).toEqual({ widthMm: 297, heightMm: 420 })
    expect(paperCssPx('a4-landscape')).toEqual({ width: 1123, height: 794 })
    expect(paperCssPx('a3-portrait')).toEqual({ width: 1123, height: 1587 })
  })
})

describe('scale', () => {
  test('1:50,000 is 13.23 m a CSS px on paper, and back', () => {
    expect(metresPerCssPxAt(50_000)).toBeCloseTo(13.2292, 4)
    expect(scaleOf(metresPerCssPxAt(25_000))).toBeCloseTo(25_000, 6)
  })

  test('a scale read from the screen keeps three significant digits', () => {
    expect(roundScale(48_713)).toBe(48_700)
    expect(roundScale(123_456)).toBe(123_000)
    expect(roundScale(987)).toBe(987)
  })

  test('the zoom that gives a scale: at the equator 1 m a px is zoom 16.26; at 29°N the same zoom covers less', () => {
    expect(zoomFor(1, 0)).toBeCloseTo(Math.log2(40_075_016.686 / 512), 9)
    // One zoom step halves the metres a pixel.
    expect(zoomFor(0.5, 29) - zoomFor(1, 29)).toBeCloseTo(1, 9)
    expect(zoomFor(1, 29)).toBeLessThan(zoomFor(1, 0))
  })
})

describe('pixels', () => {
  const a4Map = pictureMapSize(paperCssPx('a4-landscape'))
  const a3Map = pictureMapSize(paperCssPx('a3-landscape'))

  test('300 dpi where the device can: 3.125 device px a CSS px', () => {
    expect(printPixelRatio(a4Map, { maxSide: 8192, maxMegapixels: 24 })).toEqual({
      ratio: 3.125,
      dpi: 300,
      reduced: false,
    })
  })

  test('a phone gets fewer pixels, and says so', () => {
    const phone = printPixelRatio(a3Map, { maxSide: 8192, maxMegapixels: 6 })
    expect(phone.reduced).toBe(true)
    expect(phone.dpi).toBeLessThan(300)
    expect(a3Map.width * phone.ratio * a3Map.height * phone.ratio).toBeLessThanOrEqual(6e6 + 1)
  })

  test('never more than the largest drawing buffer on a side', () => {
    const capped = printPixelRatio(a3Map, { maxSide: 2048, maxMegapixels: 100 })
    expect(Math.max(a3Map.width, a3Map.height) * capped.ratio).toBeLessThanOrEqual(2048 + 1e-9)
  })
})

describe('remembered settings', () => {
  test('the last settings come back; anything unknown falls back to the defaults', () => {
    const store = new Map<string, string>()
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    }
    writePrintSettings(storage, { paper: 'a3-portrait', scale: 25_000, subtitle: '汇报用', approval: '浙S(2022)123号' })
    expect(readPrintSettings(storage)).toEqual({
      paper: 'a3-portrait',
      scale: 25_000,
      subtitle: '汇报用',
      approval: '浙S(2022)123号',
    })
    store.set('jindong-print', JSON.stringify({ paper: 'a5', scale: 12_345, subtitle: 7 }))
    expect(readPrintSettings(storage)).toEqual(DEFAULT_PRINT)
    store.set('jindong-print', '{not json')
    expect(readPrintSettings(storage)).toEqual(DEFAULT_PRINT)
    expect(readPrintSettings(null)).toEqual(DEFAULT_PRINT)
  })
})
