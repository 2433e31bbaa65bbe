/**
 * 出图 in the built app: an A4 landscape PDF at 1:100,000 whose text (extracted with pdf.js, as a reader
 * would) holds the title, the scale, the legend's entries, the sources and the 审图号, with a north arrow
 * over the map's top-right corner and the map as an image; the same page as a 300 dpi PNG (3,508 px
 * across); the settings remembered after a reload.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openApp } from './support/app'
import type { Session } from './support/browser'
import { waitForMapIdle } from './support/map-probe'
import { pngBoxInk, pngReduced, pngSize } from './support/png'
import { openExportMenu } from './support/tools'

const SHOTS = 'docs/screenshots'
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
const MM = 72 / 25.4

interface TextItem {
  str: string
  transform: number[]
}

/** The page's size in points and its text items with their positions (points from the bottom-left). */
async function readPdf(bytes: Uint8Array) {
  const pdfjs = await import(pathToFileURL(join(pdfjsRoot, 'legacy/build/pdf.mjs')).href)
  const document = await pdfjs.getDocument({
    data: bytes,
    cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise
  const page = await document.getPage(1)
  const [, , width = 0, height = 0] = page.view as number[]
  const content = await page.getTextContent()
  const items = (content.items as TextItem[]).filter((item) => item.str.trim())
  const operators = await page.getOperatorList()
  const imagePaints = operators.fnArray.filter((fn: number) => fn === pdfjs.OPS.paintImageXObject).length
  return { width, height, items, text: items.map((i) => i.str).join('\n'), imagePaints, pages: document.numPages }
}

describe('出图', () => {
  let session: Session
  beforeAll(async () => {
    session = await openApp('#map=10.4/29.155/119.785&layers=counties,district,rivers,towns,seats,water-sections')
    await waitForMapIdle(session.page)
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('an A4 landscape PDF at 1:100,000: real text, a north arrow, the map as an image', async () => {
    const page = session.page
    await openExportMenu(page)
    await page.locator('[data-testid="export-title"]').fill('金东区执法检查分布图')
    await page.locator('[data-testid="print-paper"]').selectOption('a4-landscape')
    await page.locator('[data-testid="print-scale"]').selectOption('100000')
    await page.locator('[data-testid="print-approval"]').fill('浙S(2022)123号')
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.locator('[data-testid="print-pdf"]').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/-a4-landscape-1to100000\.pdf$/)
    const bytes = new Uint8Array(readFileSync((await download.path())!))
    const pdf = await readPdf(bytes)
    expect(pdf.pages).toBe(1)
    expect(pdf.width).toBeCloseTo(297 * MM, 1)
    expect(pdf.height).toBeCloseTo(210 * MM, 1)
    expect(pdf.text).toContain('金东区执法检查分布图')
    expect(pdf.text).toContain('比例尺 1:100,000')
    expect(pdf.text).toContain('审图号：浙S(2022)123号')
    // The legend: the townships' theme and its classes, and the reference layers' entries.
    expect(pdf.text).toMatch(/执法检查/)
    expect(pdf.text).toMatch(/\d+ – \d+ 家次/)
    // The sources (the attribution line).
    expect(pdf.text).toContain('行政区划')
    expect(pdf.imagePaints).toBe(1)
    // The north arrow's letter sits in the map's top-right corner (the map is left of the 280 px legend).
    const north = pdf.items.find((item) => item.str === '北')
    expect(north).toBeDefined()
    const [x, y] = [north!.transform[4]!, north!.transform[5]!]
    const mapRight = (1123 - 280) * 0.75
    expect(x).toBeGreaterThan(mapRight - 80)
    expect(x).toBeLessThan(mapRight)
    expect(y).toBeGreaterThan(pdf.height - 120)
    // The map on screen is back as it was.
    await waitForMapIdle(page)
  }, 120_000)

  test('the same page as a 300 dpi PNG: 3,508 px across an A4 sheet, a map in it', async () => {
    const page = session.page
    await openExportMenu(page)
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.locator('[data-testid="print-png"]').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/-a4-landscape-1to100000-300dpi\.png$/)
    const bytes = readFileSync((await download.path())!)
    const size = pngSize(bytes)
    expect(Math.abs(size.width - 3508)).toBeLessThanOrEqual(2)
    expect(Math.abs(size.height - 2480)).toBeLessThanOrEqual(2)
    const { colours } = await pngBoxInk(page, bytes, { x: 0, y: 200, width: 2600, height: 2000 })
    expect(colours).toBeGreaterThan(50)
    writeFileSync(`${SHOTS}/print-a4-300dpi.png`, await pngReduced(page, bytes, 1600))
  }, 120_000)

  test('the settings are remembered after a reload', async () => {
    const page = session.page
    await page.reload()
    await waitForMapIdle(page)
    await openExportMenu(page)
    await expect(page.locator('[data-testid="print-scale"]').inputValue()).resolves.toBe('100000')
    await expect(page.locator('[data-testid="print-approval"]').inputValue()).resolves.toBe('浙S(2022)123号')
    await page.screenshot({ path: `${SHOTS}/print-menu.png` })
  }, 120_000)

  test('no console error, no foreign request', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
