/**
 * Style your layer like a built-in one: a small CSV of points with a text column (named
 * `constructor`, a name MapLibre's transfer cannot carry as it is), a numeric column and a date
 * column in several written forms is imported, then coloured by category (the colours at the points),
 * graduated (the legend's classes), sized, labelled (text pixels under a point), filtered by month
 * (a point of another month disappears) and by range (points outside vanish), and drawn as a heatmap
 * and hexagons (heat colours) — read from the canvas as a person would see it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp } from './support/app'
import type { Session } from './support/browser'
import {
  changedPixels,
  countColours,
  countDarkPixels,
  hexToRgb,
  project,
  snapshotCanvas,
  waitForMapIdle,
  type Rgb,
} from './support/map-probe'
import { openToolTab } from './support/tools'

const CATEGORY = ['#1f77b4', '#ff7f0e', '#2ca02c'].map(hexToRgb)
const LAYER_COLOUR = hexToRgb('#d946ef')
const DARKEST_OF_FIVE = hexToRgb('#800026')
const HEAT = ['#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'].map(hexToRgb)

interface Row {
  name: string
  kind: string
  pm25: number
  date: string
  at: [number, number]
}
/** Two rows per kind and per month; the dates in the forms ledgers use. */
const ROWS: Row[] = [
  { name: '甲站', kind: '企业', pm25: 10, date: '2022-01-15', at: [119.7, 29.1] },
  { name: '乙站', kind: '工地', pm25: 20, date: '2022/1/20', at: [119.74, 29.1] },
  { name: '丙站', kind: '餐饮', pm25: 30, date: '2022-02-03', at: [119.78, 29.1] },
  { name: '丁站', kind: '企业', pm25: 40, date: '2022年2月', at: [119.7, 29.14] },
  { name: '戊站', kind: '工地', pm25: 50, date: '2022-03-01', at: [119.74, 29.14] },
  { name: '己站', kind: '餐饮', pm25: 60, date: '2022-03', at: [119.78, 29.14] },
]
const csv = () =>
  ['名称,constructor,pm25,日期,lng,lat', ...ROWS.map((r) => [r.name, r.kind, r.pm25, r.date, ...r.at].join(','))].join(
    '\n',
  ) + '\n'

const box = (p: { x: number; y: number }, half: number) => ({
  x: p.x - half,
  y: p.y - half,
  width: 2 * half,
  height: 2 * half,
})

/** Pixels of a colour at each row's point (a 10 × 10 box round it). */
async function colourAtPoints(page: Page, colour: Rgb, half = 5): Promise<number[]> {
  const counts: number[] = []
  for (const row of ROWS)
    counts.push((await countColours(page, [colour], 8, box(await project(page, row.at), half)))[0]!)
  return counts
}

async function choose(page: Page, testId: string, value: string) {
  await page.locator(`[data-testid="${testId}"]`).selectOption(value)
  await waitForMapIdle(page)
}

describe('a user layer styled like a built-in one', () => {
  let session: Session
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'user-style-'))
    writeFileSync(join(dir, 'stations.csv'), csv())
    session = await openApp('#map=12.2/29.12/119.74&layers=district')
    const page = session.page
    await page.locator('[data-testid="import-input"]').setInputFiles(join(dir, 'stations.csv'))
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 30_000 })
    await page.locator('[data-testid="import-confirm"]').click()
    // The import frames the points: wait for the camera to settle there.
    await page.waitForFunction(
      () => !(window as unknown as { __jindongMap: { isMoving(): boolean } }).__jindongMap.isMoving(),
      undefined,
      { timeout: 30_000 },
    )
    await waitForMapIdle(page)
    await openToolTab(page, 'layers')
    await page.locator('[data-layer="user-1"] [data-testid="user-style-toggle"]').click()
    await page.waitForSelector('[data-testid="user-style-panel"]')
  }, 180_000)
  afterAll(async () => {
    await session?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('at first every point is in the layer colour', async () => {
    const counts = await colourAtPoints(session.page, LAYER_COLOUR)
    expect(counts.every((n) => n > 10)).toBe(true)
  })

  test('by category: each kind in its colour, at its points (a column called constructor)', async () => {
    const page = session.page
    await choose(page, 'user-style-colour', 'categories')
    await choose(page, 'user-style-colour-column', 'constructor')
    const perColour = await Promise.all(CATEGORY.map(async (colour) => colourAtPoints(page, colour)))
    // 企业 (rows 0, 3) first colour, 工地 (1, 4) second, 餐饮 (2, 5) third; none elsewhere.
    ROWS.forEach((_, i) => {
      CATEGORY.forEach((_, c) => {
        if (i % 3 === c) expect(perColour[c]![i], `row ${i} colour ${c}`).toBeGreaterThan(10)
        else expect(perColour[c]![i], `row ${i} colour ${c}`).toBe(0)
      })
    })
    await openToolTab(page, 'layers')
    const legend = await page.locator('[data-legend="user-1"] [data-testid="user-style-categories"]').innerText()
    expect(legend).toContain('企业')
    expect(legend).toContain('餐饮')
  })

  test('a click on a point still opens its panel', async () => {
    const page = session.page
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!
    const p = await project(page, ROWS[0]!.at)
    await page.mouse.click(canvas.x + p.x, canvas.y + p.y)
    const panel = page.locator('[data-testid="feature-panel"]')
    await panel.waitFor({ timeout: 30_000 })
    expect(await panel.innerText()).toContain('甲站')
    await page.locator('[data-testid="feature-panel"] .close').click()
    await waitForMapIdle(page)
  })

  test('graduated: the legend shows the classes, and the largest value takes the darkest', async () => {
    const page = session.page
    await choose(page, 'user-style-colour', 'graduated')
    await choose(page, 'user-style-colour-column', 'pm25')
    await openToolTab(page, 'layers')
    const classes = page.locator('[data-legend="user-1"] [data-testid="user-style-classes-legend"] li')
    await expect(classes.count()).resolves.toBe(5)
    expect(await classes.first().innerText()).toMatch(/10 – 20/)
    const darkest = await colourAtPoints(page, DARKEST_OF_FIVE)
    expect(darkest[5]).toBeGreaterThan(10)
    expect(darkest[0]).toBe(0)
    // Equal interval, as the townships offer.
    await choose(page, 'user-style-method', 'equal-interval')
    expect(await classes.first().innerText()).toMatch(/10 – 20/)
    await expect(classes.count()).resolves.toBe(5)
  })

  test('size by a column: the largest value draws a larger point', async () => {
    const page = session.page
    const around = async () =>
      (await countColours(page, [DARKEST_OF_FIVE], 8, box(await project(page, ROWS[5]!.at), 20)))[0]!
    const before = await around()
    await choose(page, 'user-style-size', 'pm25')
    expect(await around()).toBeGreaterThan(before * 4)
    await openToolTab(page, 'layers')
    expect(await page.locator('[data-testid="user-style-size-legend"]').innerText()).toContain('4–16')
  })

  test('label by a column: text under a point', async () => {
    const page = session.page
    const p = await project(page, ROWS[0]!.at)
    const under = { x: p.x - 30, y: p.y + 9, width: 60, height: 22 }
    const before = await countDarkPixels(page, under)
    await choose(page, 'user-style-label', '名称')
    expect((await countDarkPixels(page, under)) - before).toBeGreaterThan(25)
    // For the README: no tooltip, and the layer's legend in view beside its map.
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2)
    await page.waitForFunction(() => !document.querySelector('[data-testid="map-tooltip"]'))
    await openToolTab(page, 'layers')
    await page.locator('[data-legend="user-1"]').scrollIntoViewIfNeeded()
    await mkdir('docs/screenshots', { recursive: true })
    await page.screenshot({ path: 'docs/screenshots/user-style.png' })
  })

  test('a month: a point of another month disappears; 2022年2月 is February', async () => {
    const page = session.page
    await choose(page, 'user-style-label', '')
    await choose(page, 'user-style-size', '')
    await choose(page, 'user-style-colour', 'single')
    await choose(page, 'user-style-time', '日期')
    await openToolTab(page, 'layers')
    await expect(page.locator('[data-testid="user-style-month-label"]').innerText()).resolves.toBe('2022年1月')
    let seen = (await colourAtPoints(page, LAYER_COLOUR)).map((n) => n > 10)
    expect(seen).toEqual([true, true, false, false, false, false])
    await page.locator('[data-testid="user-style-month"]').evaluate((input: HTMLInputElement) => {
      input.value = '1'
      input.dispatchEvent(new Event('input', { bubbles: true }))
    })
    await waitForMapIdle(page)
    await expect(page.locator('[data-testid="user-style-month-label"]').innerText()).resolves.toBe('2022年2月')
    seen = (await colourAtPoints(page, LAYER_COLOUR)).map((n) => n > 10)
    expect(seen).toEqual([false, false, true, true, false, false])
    // Play steps on to March by itself.
    await page.locator('[data-testid="user-style-play"]').click()
    await page.waitForFunction(
      () => document.querySelector('[data-testid="user-style-month-label"]')?.textContent?.trim() === '2022年3月',
      undefined,
      { timeout: 20_000 },
    )
    await page.locator('[data-testid="user-style-all-months"]').check()
    await waitForMapIdle(page)
    seen = (await colourAtPoints(page, LAYER_COLOUR)).map((n) => n > 10)
    expect(seen).toEqual([true, true, true, true, true, true])
  })

  test('a value range: points outside vanish; the column range is shown', async () => {
    const page = session.page
    await choose(page, 'user-style-time', '')
    await choose(page, 'user-style-filter', 'pm25')
    await openToolTab(page, 'layers')
    expect(await page.locator('[data-testid="user-style-range"]').innerText()).toContain('10 – 60')
    await page.locator('[data-testid="user-style-min"]').fill('25')
    await page.locator('[data-testid="user-style-min"]').dispatchEvent('change')
    await page.locator('[data-testid="user-style-max"]').fill('45')
    await page.locator('[data-testid="user-style-max"]').dispatchEvent('change')
    await waitForMapIdle(page)
    const seen = (await colourAtPoints(page, LAYER_COLOUR)).map((n) => n > 10)
    expect(seen).toEqual([false, false, true, true, false, false])
    await choose(page, 'user-style-filter', '')
  })

  test('a heatmap weighted by a column, then hexagons: heat colours drawn, the points gone', async () => {
    const page = session.page
    await snapshotCanvas(page, 'points')
    await choose(page, 'user-style-display', 'heatmap')
    await choose(page, 'user-style-weight', 'pm25')
    const p = await project(page, ROWS[5]!.at)
    const heat = await countColours(page, HEAT, 20, box(p, 30))
    expect(heat.reduce((a, b) => a + b, 0)).toBeGreaterThan(100)
    expect((await colourAtPoints(page, LAYER_COLOUR)).every((n) => n === 0)).toBe(true)
    await openToolTab(page, 'layers')
    await expect(page.locator('[data-testid="user-style-heat-ramp"]').count()).resolves.toBe(1)
    await snapshotCanvas(page, 'heatmap')
    await choose(page, 'user-style-display', 'hexagon')
    expect(await changedPixels(page, 'heatmap')).toBeGreaterThan(500)
    const hexagons = await countColours(page, HEAT, 20, box(p, 30))
    expect(hexagons.reduce((a, b) => a + b, 0)).toBeGreaterThan(100)
  })

  test('no console error and no request beyond the app', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})

/** Just over the large-point threshold (50,000): drawn by deck.gl from typed arrays. */
const BIG_ROWS = 50_002
const LONE_A: [number, number] = [119.8, 29.15]
const LONE_B: [number, number] = [119.85, 29.05]
function bigCsv(): string {
  const lines = ['kind,value,date,lng,lat']
  for (let i = 0; i < BIG_ROWS - 2; i++) {
    const lng = 119.66 + (i % 250) * 0.0001
    const lat = 29.1 + Math.floor(i / 250) * 0.0001
    lines.push(`grid,0,2022-01-01,${lng.toFixed(5)},${lat.toFixed(5)}`)
  }
  lines.push(`a,100,2022-01-05,${LONE_A.join(',')}`, `b,100,2022-02-05,${LONE_B.join(',')}`)
  return `${lines.join('\n')}\n`
}

describe('a large point layer takes the same style (typed arrays)', () => {
  let session: Session
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'user-style-big-'))
    writeFileSync(join(dir, 'big.csv'), bigCsv())
    session = await openApp('#map=10.4/29.155/119.785&layers=district')
    const page = session.page
    await page.locator('[data-testid="import-input"]').setInputFiles(join(dir, 'big.csv'))
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 120_000 })
    await page.locator('[data-testid="import-confirm"]').click()
    await waitForMapIdle(page, 120_000)
    await openToolTab(page, 'layers')
    await page.locator('[data-layer="user-1"] [data-testid="user-style-toggle"]').click()
    await page.waitForSelector('[data-testid="user-style-panel"]')
  }, 240_000)
  afterAll(async () => {
    await session?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const around = async (page: Page, at: [number, number], colour: Rgb) =>
    (await countColours(page, [colour], 8, box(await project(page, at), 20)))[0]!

  test('colour by category and size by a column, at the lone points', async () => {
    const page = session.page
    await choose(page, 'user-style-colour', 'categories')
    await choose(page, 'user-style-colour-column', 'kind')
    await choose(page, 'user-style-size', 'value')
    await waitForMapIdle(page, 120_000)
    // 'grid' is the most frequent value (first colour); a and b take the second and third.
    expect(await around(page, LONE_A, CATEGORY[1]!)).toBeGreaterThan(200)
    expect(await around(page, LONE_B, CATEGORY[2]!)).toBeGreaterThan(200)
    expect(await around(page, LONE_A, CATEGORY[2]!)).toBe(0)
  }, 180_000)

  test('a month hides the rows of another month', async () => {
    const page = session.page
    await choose(page, 'user-style-time', 'date')
    await waitForMapIdle(page, 120_000)
    await openToolTab(page, 'layers')
    await expect(page.locator('[data-testid="user-style-month-label"]').innerText()).resolves.toBe('2022年1月')
    expect(await around(page, LONE_A, CATEGORY[1]!)).toBeGreaterThan(200)
    expect(await around(page, LONE_B, CATEGORY[2]!)).toBe(0)
  }, 180_000)

  test('no console error', () => {
    expect(session.consoleProblems).toEqual([])
  })
})
