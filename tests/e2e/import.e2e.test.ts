/**
 * Bad input, through the import dialog as staff would meet it: every file of the corpus
 * (tests/fixtures/bad/README.md) shows its expected message, nothing already loaded is lost, no
 * script in a property ever runs; a CRS suggestion converts; a file over 200 MB is refused at once;
 * a replacement of the townships updates the panels; and an exported layer imports again.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { openApp } from './support/app'
import { canvasOrigin, changedPixels, project, snapshotCanvas, waitForMapIdle } from './support/map-probe'
import { openToolTab, openExportMenu } from './support/tools'

interface CorpusRow {
  file: string
  declaredCrs: string
  ok: boolean
  keyZh: string
}

/** The rows of the corpus table whose file is committed and imported with automatic CRS. */
function corpusRows(): CorpusRow[] {
  const table = readFileSync('tests/fixtures/bad/README.md', 'utf8')
  return table
    .split('\n')
    .filter((line) => line.startsWith('| bad/'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => ({
      file: cells[1]!,
      declaredCrs: cells[3]!,
      ok: cells[4] === 'yes',
      keyZh: cells[9]!.replace(/^`|`$/g, ''),
    }))
    .filter((row) => row.declaredCrs === 'auto')
}

async function importFile(page: Page, path: string) {
  await page.locator('[data-testid="import-input"]').setInputFiles(path)
  await page.waitForSelector('[data-testid="import-summary"], [data-testid="import-failure"]', { timeout: 30_000 })
}

async function closeDialog(page: Page) {
  await page.locator('[data-testid="import-dialog"] .close').click()
  await expect(page.locator('[data-testid="import-dialog"]').count()).resolves.toBe(0)
}

describe('import: bad files are answered clearly and cost nothing', () => {
  let session: Session
  const dialogs: string[] = []
  beforeAll(async () => {
    session = await openSession(inject('baseUrl'))
    session.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await session.page.goto(`${inject('baseUrl')}#map=10.4/29.155/119.785&layers=counties,district,rivers,towns`)
    await waitForMapIdle(session.page)
    await snapshotCanvas(session.page, 'before-imports')
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  const rows = corpusRows()

  test('the corpus has at least 20 files', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20)
  })

  test.each(rows.map((row) => [row.file, row] as const))('%s', async (_file, row) => {
    const page = session.page
    await importFile(page, `tests/fixtures/${row.file}`)
    const dialogText = await page.locator('[data-testid="import-dialog"]').innerText()
    if (row.keyZh !== '—') expect(dialogText).toContain(row.keyZh)
    // A table without coordinates has no "add to map" at all (it is joined instead): not offered either way.
    const confirm = page.locator('[data-testid="import-confirm"]')
    const offered = (await confirm.count()) > 0 && (await confirm.isEnabled())
    expect(offered).toBe(row.ok)
    await closeDialog(page)
  })

  test('after all of them: layers intact, no script ran, nothing injected, no console error', async () => {
    const page = session.page
    await openToolTab(page, 'layers')
    await expect(page.locator('[data-testid="layer-list"] li').count()).resolves.toBe(12)
    // Nothing drawn has changed: every failed or closed import left the map as it was.
    await waitForMapIdle(page)
    expect(await changedPixels(page, 'before-imports')).toBeLessThan(50)
    expect(dialogs).toEqual([])
    await expect(
      page.evaluate(() => document.querySelectorAll('img[src="x"], body script:not([type="module"])').length),
    ).resolves.toBe(0)
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })

  test('HTML in properties shows as text, and only http(s) values are links', async () => {
    const page = session.page
    await importFile(page, 'tests/fixtures/bad/html-in-properties.geojson')
    await page.locator('[data-testid="import-confirm"]').click()
    await waitForMapIdle(page)
    const collection = JSON.parse(readFileSync('tests/fixtures/bad/html-in-properties.geojson', 'utf8')) as {
      features: { geometry: { type: string; coordinates: [number, number] } }[]
    }
    const point = collection.features.find((f) => f.geometry.type === 'Point')!
    const pixel = await project(page, point.geometry.coordinates)
    const origin = await canvasOrigin(page)
    await page.mouse.click(origin.x + pixel.x, origin.y + pixel.y)
    const panel = page.locator('[data-testid="feature-panel"]')
    await expect(panel.count()).resolves.toBe(1)
    const text = await panel.innerText()
    expect(text).toMatch(/<img src=x onerror=|<script>|javascript:/)
    const hrefs = await panel.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//)
    expect(dialogs).toEqual([])
    await expect(page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).resolves.toBe(0)
  })
})

describe('import: conversions, limits, replacement and round trip', () => {
  let session: Session
  beforeAll(async () => {
    session = await openApp('#map=10.4/29.155/119.785')
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('projected metres are explained, and the suggested conversion imports them', async () => {
    const page = session.page
    await importFile(page, 'tests/fixtures/bad/web-mercator-metres.geojson')
    await expect(page.locator('[data-testid="import-confirm"]').isEnabled()).resolves.toBe(false)
    await page.locator('[data-testid="import-suggestions"] button[data-crs="EPSG:3857"]').click()
    await page.waitForSelector('[data-testid="import-summary"][data-ok="true"]')
    await expect(page.locator('[data-testid="import-summary"]').innerText()).resolves.toContain('有效要素 3 个')
    await page.locator('[data-testid="import-confirm"]').click()
    await openToolTab(page, 'layers')
    await expect(page.locator('[data-testid="layer-list"]').innerText()).resolves.toContain(
      'web-mercator-metres.geojson',
    )
  })

  test('a file is framed on the map, unless it is in view already at about that zoom', async () => {
    const page = session.page
    const points = (name: string, positions: [number, number][]) => ({
      name,
      mimeType: 'application/geo+json',
      buffer: Buffer.from(
        JSON.stringify({
          type: 'FeatureCollection',
          features: positions.map((coordinates, i) => ({
            type: 'Feature',
            properties: { name: `${name} ${i}` },
            geometry: { type: 'Point', coordinates },
          })),
        }),
      ),
    })
    const camera = () =>
      page.evaluate(() =>
        (
          window as unknown as { __jindongMap: { camera(): { zoom: number; lng: number; lat: number } } }
        ).__jindongMap.camera(),
      )
    const add = async (file: ReturnType<typeof points>) => {
      await page.locator('[data-testid="import-input"]').setInputFiles(file)
      await page.waitForSelector('[data-testid="import-summary"][data-ok="true"]')
      await page.locator('[data-testid="import-confirm"]').click()
      await waitForMapIdle(page)
    }
    const spread: [number, number][] = [
      [119.68, 29.02],
      [119.92, 29.29],
      [119.8, 29.15],
    ]
    await add(points('spread-a.geojson', spread))
    const framed = await camera()
    await page.evaluate(() =>
      (window as unknown as { __jindongMap: { whenIdle(): Promise<void> } }).__jindongMap.whenIdle(),
    )
    // A tenth smaller, in view: framing it would zoom in by about 0.15 of a level; the map stays.
    await add(
      points('spread-b.geojson', [
        [119.692, 29.0335],
        [119.908, 29.2765],
        [119.8, 29.15],
      ]),
    )
    expect(await camera()).toEqual(framed)
    // Two points 300 m apart, in view but far smaller than it: framed, so the zoom grows.
    await add(
      points('close.geojson', [
        [119.8, 29.15],
        [119.803, 29.15],
      ]),
    )
    await expect.poll(async () => (await camera()).zoom, { timeout: 10_000 }).toBeGreaterThan(framed.zoom + 2)
  })

  test('a file over 200 MB is refused at once, naming the limit', async () => {
    const page = session.page
    await page.evaluate(() => {
      const big = new File([new Uint8Array(201 * 1024 * 1024)], 'huge.geojson')
      const transfer = new DataTransfer()
      transfer.items.add(big)
      document
        .querySelector('.map-area')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    })
    await page.waitForSelector('[data-testid="import-summary"], [data-testid="import-failure"]', { timeout: 10_000 })
    await expect(page.locator('[data-testid="import-dialog"]').innerText()).resolves.toMatch(/200 MB/)
    await closeDialog(page)
  })

  test('a file that cannot stand in for the townships is refused with reasons, and they stay', async () => {
    const page = session.page
    await importFile(page, 'tests/fixtures/good/jindong-features.geojson')
    const summary = await page.locator('[data-testid="import-summary"]').innerText()
    expect(summary).toContain('有效要素')
    // The fixture's polygons are not townships: the replacement is refused with reasons, and the
    // built-in townships stay.
    await page.locator('[data-testid="import-target"]').selectOption('towns')
    await page.locator('[data-testid="import-confirm"]').click()
    await expect(page.locator('[data-testid="replacement-issues"]').innerText()).resolves.toMatch(/要素 \d/)
    await closeDialog(page)
    await page.locator('[data-testid="tab-details"]').click()
    await expect(page.locator('[data-testid="town-list"] button').count()).resolves.toBe(11)
  })

  test('an exported layer imports again, feature for feature', async () => {
    const page = session.page
    await openExportMenu(page)
    await page.locator('[data-testid="export-layer"]').selectOption('towns')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-geojson"]').click(),
    ])
    const path = (await download.path())!
    const exported = JSON.parse(readFileSync(path, 'utf8')) as { features: unknown[] }
    await page
      .locator('[data-testid="import-input"]')
      .setInputFiles({ name: 'towns-export.geojson', mimeType: 'application/geo+json', buffer: readFileSync(path) })
    await page.waitForSelector('[data-testid="import-summary"]')
    await expect(page.locator('[data-testid="import-summary"]').innerText()).resolves.toContain(
      `有效要素 ${exported.features.length} 个，拒绝 0 个`,
    )
    // Replace the built-in townships with their own export: everything still works.
    await page.locator('[data-testid="import-target"]').selectOption('towns')
    await page.locator('[data-testid="import-confirm"]').click()
    await expect(page.locator('[data-testid="import-dialog"]').count()).resolves.toBe(0)
    await openToolTab(page, 'layers')
    await expect(page.locator('[data-layer="towns"] [data-testid="provenance-badge"]').innerText()).resolves.toContain(
      '用户数据',
    )
    await page.locator('[data-testid="town-list"] button[data-code="330703103"]').click()
    await expect(page.locator('[data-testid="area-panel"] h2').innerText()).resolves.toBe('曹宅镇')
    // A file over 1 MB (the limits test) links deck.gl's heatmap programs ahead of need, and deck.gl
    // 9.4's HeatmapLayer logs this once by itself; harmless (as in heatmaps.e2e.test.ts).
    expect(session.consoleProblems).toEqual([])
  })
})
