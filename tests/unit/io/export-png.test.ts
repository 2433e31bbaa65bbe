/**
 * The exported picture's page shapes and legend column: a slide or an A4 page leaves the map the
 * room the frame does not take, and a legend too long for the page loses its reference layers first.
 */
import { describe, expect, test } from 'vitest'
import { fitLegend, scaleBar, type ExportLegendSection } from '../../../src/io/export-png'
import { PICTURE_FRAME, pictureMapSize, pictureSize } from '../../../src/settings/picture-pages'

const section = (title: string, items: number, reference = false): ExportLegendSection => ({
  title,
  reference,
  items: Array.from({ length: items }, (_, i) => ({ label: `${title} ${i}`, colour: '#000', shape: 'fill' as const })),
})
/** The legend column's height as composePng lays it out: 16, then 26 + 20 per item + 8 per section. */
const height = (sections: ExportLegendSection[]) => sections.reduce((h, s) => h + 34 + s.items.length * 20, 16)

describe('picture pages', () => {
  test('16:9 and A4 have their proportions; the window has none of its own', () => {
    const slide = pictureSize('slide-16x9')!
    expect(slide.width / slide.height).toBeCloseTo(16 / 9, 2)
    const across = pictureSize('a4-landscape')!
    expect(across.width / across.height).toBeCloseTo(297 / 210, 2)
    const upright = pictureSize('a4-portrait')!
    expect(upright.height / upright.width).toBeCloseTo(297 / 210, 2)
    expect(pictureSize('window')).toBeNull()
  })

  test('the map gets the page less the title bar, the footer and the legend column', () => {
    expect(pictureMapSize({ width: 1600, height: 900 })).toEqual({
      width: 1600 - PICTURE_FRAME.legendWidth,
      height: 900 - PICTURE_FRAME.header - PICTURE_FRAME.footer,
    })
  })
})

describe('fitLegend', () => {
  const legend = [
    section('theme', 5),
    section('points', 2),
    section('counties', 1, true),
    section('rivers', 7, true),
    section('seats', 1, true),
  ]

  test('a legend that fits is kept whole, in its order', () => {
    expect(fitLegend(legend, height(legend))).toEqual({ sections: legend, omitted: 0 })
  })

  test('short of room, the reference layers go first, the last of them first', () => {
    const { sections, omitted } = fitLegend(legend, height(legend) - 1)
    expect(sections.map((s) => s.title)).toEqual(['theme', 'points', 'counties', 'rivers'])
    expect(omitted).toBe(1)
    const tight = fitLegend(legend, height([legend[0]!, legend[1]!]) + 20)
    expect(tight.sections.map((s) => s.title)).toEqual(['theme', 'points'])
    expect(tight.omitted).toBe(3)
  })

  test('then the themes from the last, and the line saying so always has its room', () => {
    const { sections, omitted } = fitLegend(legend, height([legend[0]!]) + 20)
    expect(sections.map((s) => s.title)).toEqual(['theme'])
    expect(omitted).toBe(4)
    expect(fitLegend(legend, 10)).toEqual({ sections: [], omitted: 5 })
  })
})

describe('scaleBar', () => {
  test('a round length no longer than 100 px', () => {
    expect(scaleBar(1234)).toEqual({ metres: 1000, px: (1000 / 1234) * 100, label: '1 km' })
    expect(scaleBar(430)).toMatchObject({ metres: 200, label: '200 m' })
  })
})
