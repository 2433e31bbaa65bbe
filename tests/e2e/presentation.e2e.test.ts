/**
 * Big-screen presentation: screenshots at 1920×1080 and 4K, the clicker keys, full screen only on a
 * user gesture, recovery from a lost WebGL context without a reload, and a 200-step soak whose JS
 * heap must not grow.
 */
import { mkdirSync } from 'node:fs'
import { afterEach, describe, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { openApp } from './support/app'
import {
  changedPixels,
  countColours,
  hexToRgb,
  snapshotCanvas,
  waitForMapIdle,
  waitForProgramsWarmed,
} from './support/map-probe'
import { openToolTab } from './support/tools'

const SHOTS = 'test-results/screenshots'
mkdirSync(SHOTS, { recursive: true })

const status = (page: Page) => page.locator('[data-testid="present-status"]')
const stopIndex = async (page: Page) => Number(await status(page).getAttribute('data-index'))

async function waitForStatus(page: Page, wanted: string) {
  await page.waitForSelector(`[data-testid="present-status"][data-status="${wanted}"]`, { timeout: 30_000 })
}

const hint = (page: Page) => page.locator('[data-testid="fullscreen-hint"]')
const isFullscreen = (page: Page) => page.evaluate(() => document.fullscreenElement !== null)

interface FullscreenRequest {
  /** navigator.userActivation.isActive when it was asked for: false means no user gesture. */
  gesture: boolean
}

/**
 * Records every requestFullscreen call, and whether a user gesture was active at the time. Chromium
 * refuses a request without one and logs a warning; the record catches the request itself, warning
 * or not.
 */
async function recordFullscreenRequests(session: Session) {
  await session.context.addInitScript(() => {
    const requests: { gesture: boolean }[] = []
    ;(window as unknown as { __fullscreenRequests: typeof requests }).__fullscreenRequests = requests
    const original = Element.prototype.requestFullscreen
    Element.prototype.requestFullscreen = function (this: Element, options?: FullscreenOptions) {
      requests.push({ gesture: navigator.userActivation.isActive })
      return original.call(this, options)
    }
  })
}

const fullscreenRequests = (page: Page) =>
  page.evaluate(() => (window as unknown as { __fullscreenRequests: FullscreenRequest[] }).__fullscreenRequests)

describe('presentation mode', () => {
  const sessions: Session[] = []
  // Each test closes its browsers: a presentation left open keeps touring, and its CPU-rendered
  // frames would slow every later test on a 2-core machine.
  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.close()
  })

  test('scales the 1920×1080 stage to 1080p and to 4K, text legible', async () => {
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 3840, height: 2160 },
    ]) {
      const session = await openSession(inject('baseUrl'), { viewport })
      sessions.push(session)
      await session.page.goto(`${inject('baseUrl')}?mode=present`)
      await waitForStatus(session.page, 'playing')
      await waitForMapIdle(session.page)
      const box = await session.page.locator('[data-testid="kpi-bar"] .value').first().boundingBox()
      const fontPx = await session.page
        .locator('[data-testid="kpi-bar"] .value')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      const scale = viewport.width / 1920
      // The stage scales as a whole: the KPI value is 30 stage px, i.e. 30 × scale on screen.
      expect(box!.height).toBeGreaterThan(30 * scale * 0.9)
      expect(fontPx).toBe(30)
      await expect(session.page.locator('[data-testid="kpi-bar"]').innerText()).resolves.toContain('86.1%')
      // The tour runs on real timers: pause and go back to the first stop, so that what is checked
      // does not depend on how fast the machine got here.
      await session.page.keyboard.press('Space')
      await waitForStatus(session.page, 'paused')
      await session.page.keyboard.press('Home')
      await expect
        .poll(() => session.page.locator('[data-testid="present-caption"]').innerText(), { timeout: 20_000 })
        .toContain('86.1%')
      await waitForMapIdle(session.page)
      await session.page.screenshot({ path: `${SHOTS}/presentation-${viewport.width}x${viewport.height}.png` })
      expect(session.consoleProblems).toEqual([])
      expect(session.foreignRequests).toEqual([])
      await sessions.splice(sessions.indexOf(session), 1)[0]!.close()
    }
    // Two full app loads, one at 4K on a CPU renderer: more than the default minute on a loaded machine.
  }, 180_000)

  test('space pauses and resumes, arrows and PageUp/PageDown step, Home restarts, Esc leaves', async () => {
    const session = await openSession(inject('baseUrl'))
    sessions.push(session)
    const page = session.page
    await page.goto(`${inject('baseUrl')}?mode=present`)
    await waitForStatus(page, 'playing')
    await page.keyboard.press('Space')
    await waitForStatus(page, 'paused')
    await page.keyboard.press('Space')
    await waitForStatus(page, 'playing')
    const first = await stopIndex(page)
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => stopIndex(page)).toBe(first + 1)
    await page.keyboard.press('PageDown')
    await expect.poll(() => stopIndex(page)).toBe(first + 2)
    await page.keyboard.press('PageUp')
    await expect.poll(() => stopIndex(page)).toBe(first + 1)
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => stopIndex(page)).toBe(first)
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Home')
    await expect.poll(() => stopIndex(page)).toBe(0)
    await page.keyboard.press('Escape')
    await expect(page.locator('[data-testid="presentation"]').count()).resolves.toBe(0)
    await openToolTab(page, 'layers')
    await expect(page.locator('[data-testid="layer-list"]').isVisible()).resolves.toBe(true)
    expect(session.consoleProblems).toEqual([])
  })

  test('?mode=present never asks for full screen on load: it shows a hint, and F or a click asks', async () => {
    const session = await openSession(inject('baseUrl'), { viewport: { width: 1280, height: 720 } })
    sessions.push(session)
    await recordFullscreenRequests(session)
    const page = session.page
    await page.goto(`${inject('baseUrl')}?mode=present`)
    await waitForStatus(page, 'playing')
    await waitForMapIdle(page)
    expect(await fullscreenRequests(page)).toEqual([])
    expect(session.consoleProblems).toEqual([])
    expect(await hint(page).innerText()).toBe('点击或按 F 全屏')
    expect(await isFullscreen(page)).toBe(false)
    await page.screenshot({ path: `${SHOTS}/presentation-fullscreen-hint.png` })

    // F: full screen, asked for inside the key's handler, and the hint goes.
    await page.keyboard.press('f')
    await expect.poll(() => isFullscreen(page), { timeout: 10_000 }).toBe(true)
    expect(await fullscreenRequests(page)).toEqual([{ gesture: true }])
    expect(await hint(page).count()).toBe(0)
    await waitForStatus(page, 'playing')

    // Leaving full screen leaves the mode, as Esc does; coming back by ?mode=present shows the hint
    // again, and a click on it asks for full screen.
    await page.evaluate(() => document.exitFullscreen())
    await expect.poll(() => page.locator('[data-testid="presentation"]').count(), { timeout: 10_000 }).toBe(0)
    await page.goto(`${inject('baseUrl')}?mode=present`)
    await waitForStatus(page, 'playing')
    await hint(page).click()
    await expect.poll(() => isFullscreen(page), { timeout: 10_000 }).toBe(true)
    expect(await fullscreenRequests(page)).toEqual([{ gesture: true }])
    expect(await hint(page).count()).toBe(0)
    expect(session.consoleProblems).toEqual([])
  })

  test('the fullscreen hint goes after the first key or click, without asking for full screen', async () => {
    const session = await openSession(inject('baseUrl'), { viewport: { width: 1280, height: 720 } })
    sessions.push(session)
    await recordFullscreenRequests(session)
    const page = session.page
    await page.goto(`${inject('baseUrl')}?mode=present#lang=en`)
    await waitForStatus(page, 'playing')
    expect(await hint(page).innerText()).toBe('Click or press F for full screen')
    await page.keyboard.press('Space')
    await waitForStatus(page, 'paused')
    expect(await hint(page).count()).toBe(0)
    await page.goto(`${inject('baseUrl')}?mode=present`)
    await waitForStatus(page, 'playing')
    expect(await hint(page).isVisible()).toBe(true)
    await page.mouse.click(640, 400)
    expect(await hint(page).count()).toBe(0)
    expect(await fullscreenRequests(page)).toEqual([])
    expect(await isFullscreen(page)).toBe(false)
    expect(session.consoleProblems).toEqual([])
  })

  test('entered by the header button, it shows the hint and does not ask for full screen', async () => {
    const session = await openSession(inject('baseUrl'), { viewport: { width: 1280, height: 720 } })
    sessions.push(session)
    await recordFullscreenRequests(session)
    const page = session.page
    await page.goto(inject('baseUrl'))
    await waitForMapIdle(page)
    await page.locator('[data-testid="enter-presentation"]').click()
    await waitForStatus(page, 'playing')
    expect(await hint(page).isVisible()).toBe(true)
    expect(await fullscreenRequests(page)).toEqual([])
    expect(await isFullscreen(page)).toBe(false)
    expect(session.consoleProblems).toEqual([])
  })

  test('a heatmap stop plays the readings month by month', async () => {
    const session = await openSession(inject('baseUrl'), { viewport: { width: 1280, height: 720 } })
    sessions.push(session)
    const page = session.page
    await page.goto(`${inject('baseUrl')}?mode=present`)
    await waitForStatus(page, 'playing')
    // Every month the stop shows, in order, whatever the machine's speed (the stop plays on timers).
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { monthsSeen: string[] }).monthsSeen = [])
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="present-month"]')?.textContent ?? null
        if (text && seen.at(-1) !== text) seen.push(text)
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    // Step to the PM2.5 playback stop of the default tour.
    for (
      let i = 0;
      i < 12 && (await page.locator('[data-testid="present-caption"]').getAttribute('data-stop')) !== 'pm25-by-month';
      i++
    ) {
      await page.keyboard.press('ArrowRight')
    }
    const monthsSeen = () => page.evaluate(() => (window as unknown as { monthsSeen: string[] }).monthsSeen.join(' | '))
    await expect.poll(monthsSeen, { timeout: 20_000 }).toContain('2022年2月')
    const seen = (await monthsSeen()).split(' | ')
    const january = seen.findIndex((text) => text.includes('2022年1月'))
    expect(january, seen.join(' | ')).toBeGreaterThanOrEqual(0)
    expect(seen.findIndex((text) => text.includes('2022年2月'))).toBeGreaterThan(january)
    await page.screenshot({ path: `${SHOTS}/presentation-heatmap.png` })
    // deck.gl 9.4's HeatmapLayer logs one harmless luma.gl warning of its own.
    expect(session.consoleProblems).toEqual([])
  })

  test('redraws its layers after the WebGL context is lost, without a reload', async () => {
    // 1280×720: SwiftShader redraws on the CPU, and CI has two cores; a kiosk's GPU is far faster.
    const session = await openApp('#map=10.4/29.155/119.785&layers=counties,district,rivers', {
      viewport: { width: 1280, height: 720 },
    })
    sessions.push(session)
    const page = session.page
    const districtFill = hexToRgb('#f4f1de')
    // deck.gl is loaded and linked in idle time: lost with the context too, and made again after it.
    await waitForProgramsWarmed(page)
    const [before] = await countColours(page, [districtFill])
    expect(before).toBeGreaterThan(50_000)
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1))
    // Lose the context, restore it 300 ms later, then wait (in the page) until the district's fill is
    // back in the middle of the canvas. The time is printed, not asserted: on a shared 2-core machine
    // SwiftShader's redraw takes from 1.5 s to over 4 s, and a wall-clock limit would only test the load.
    const recoveryMs = await page.evaluate(
      ([r, g, b]) =>
        new Promise<number>((resolve, reject) => {
          const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!
          const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!
          const lose = gl.getExtension('WEBGL_lose_context')!
          lose.loseContext()
          setTimeout(() => {
            lose.restoreContext()
            const restoredAt = performance.now()
            const probe = document.createElement('canvas')
            probe.width = 40
            probe.height = 40
            const context = probe.getContext('2d', { willReadFrequently: true })!
            const check = () => {
              context.clearRect(0, 0, 40, 40)
              context.drawImage(canvas, canvas.width / 2 - 20, canvas.height / 2 - 20, 40, 40, 0, 0, 40, 40)
              const data = context.getImageData(0, 0, 40, 40).data
              let fill = 0
              for (let i = 0; i < data.length; i += 4)
                if (Math.abs(data[i]! - r) < 6 && Math.abs(data[i + 1]! - g) < 6 && Math.abs(data[i + 2]! - b) < 6)
                  fill++
              const elapsed = performance.now() - restoredAt
              if (fill > 800) resolve(elapsed)
              else if (elapsed > 30_000) reject(new Error('not redrawn 30 s after the context came back'))
              else setTimeout(check, 25)
            }
            check()
          }, 300)
        }),
      districtFill,
    )
    console.log(`WebGL context recovery: ${recoveryMs.toFixed(0)} ms`)
    const [after] = await countColours(page, [districtFill])
    expect(after).toBeGreaterThan(before! * 0.9)
    await expect(page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).resolves.toBe(1)
    // deck.gl on the restored context: a new overlay, linked again in idle time, draws a heatmap.
    await waitForProgramsWarmed(page)
    await waitForMapIdle(page)
    await snapshotCanvas(page, 'restored')
    await openToolTab(page, 'analysis')
    await page.locator('[data-testid="readings-toggle"]').check()
    await waitForMapIdle(page)
    await expect.poll(() => changedPixels(page, 'restored'), { timeout: 20_000 }).toBeGreaterThan(5_000)
    // The deliberate loss and restore log nothing at warning or error level (measured with Chromium
    // 156 and MapLibre 6.17, also with the map panned while the context was lost), so the allow-list
    // is empty: any WebGL warning or error fails the test.
    expect(session.consoleProblems).toEqual([])
  })

  test('soak: 200 tour steps with zero console errors and a flat JS heap', async () => {
    const session = await openSession(inject('baseUrl'), { viewport: { width: 1280, height: 720 } })
    sessions.push(session)
    const page = session.page
    // Forty stops: every township four times, with alternating layers and indicators, so the first
    // loop meets every combination (and warms the JIT and the tile caches) before the baseline.
    const towns = [
      '330703001',
      '330703103',
      '330703101',
      '330703108',
      '330703002',
      '330703102',
      '330703104',
      '330703105',
      '330703106',
      '330703107',
    ]
    const stops = [...towns, ...towns, ...towns, ...towns].map((town, i) => ({
      id: `soak-${i}`,
      target: { town },
      layers: ['counties', 'district', 'towns', 'seats', ['enforcement', 'low-carbon', 'monitoring-points'][i % 3]!],
      indicator: ['inspections', 'vocs', 'cases', 'petitions-first-round'][i % 4]!,
      showPanel: true,
      caption: { zh: `测试站点 ${i}`, en: `Soak stop ${i}` },
      durationSeconds: 2,
    }))
    await page.route('**/tours/soak.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ version: 1, title: { zh: '耐久测试', en: 'Soak' }, loop: true, stops }),
      }),
    )
    // A fifth of a second a stop (faster than the map settles, which is churn too): the first loop
    // (8 s) lets the JIT and the caches warm up before the baseline.
    await page.goto(`${inject('baseUrl')}?mode=present&tour=tours/soak.json&speed=10`)
    await waitForStatus(page, 'playing')
    const cdp = await session.context.newCDPSession(page)
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      await cdp.send('HeapProfiler.collectGarbage')
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize
    }
    const loop = async () => Number(await status(page).getAttribute('data-loop'))
    // The heap depends on what the map shows (MapLibre keeps the tiles in view), so both readings
    // are taken in the same place: paused on the first stop, once the map has settled.
    const measureAtFirstStop = async () => {
      await expect.poll(() => stopIndex(page), { timeout: 60_000, interval: 40 }).toBe(0)
      await page.keyboard.press('Space')
      await waitForStatus(page, 'paused')
      while ((await stopIndex(page)) !== 0) await page.keyboard.press('ArrowLeft')
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      await waitForMapIdle(page)
      // deck.gl is loaded once, in idle time (the tour at this speed leaves none until paused here):
      // in both readings, so the baseline waits for it.
      await waitForProgramsWarmed(page, 120_000)
      // So are the parts fetched in idle time (src/modules/prefetch.ts): a baseline taken before
      // they arrived counted their code as growth (a ratio of 1.11 on a loaded CI machine).
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, 'jindong:prefetch-done', {
        timeout: 120_000,
        polling: 200,
      })
      const used = await heap()
      await page.keyboard.press('Space')
      await waitForStatus(page, 'playing')
      return used
    }
    // The baseline after two loops: the first visits every township, style and panel once, the
    // second fills what the map keeps per view (tiles, label placement); measured after one loop the
    // ratio sat at 1.10–1.11 on this machine whatever the code, after two it measures growth alone.
    await expect.poll(loop, { timeout: 90_000, interval: 250 }).toBeGreaterThanOrEqual(2)
    const afterWarmUp = await measureAtFirstStop()
    // 40 stops a loop: 5 more loops are 200 steps.
    await expect.poll(loop, { timeout: 280_000, interval: 500 }).toBeGreaterThanOrEqual(7)
    const afterSoak = await measureAtFirstStop()
    console.log(
      `soak heap: after two loops ${(afterWarmUp / 1e6).toFixed(2)} MB, ` +
        `after 200 steps ${(afterSoak / 1e6).toFixed(2)} MB, ratio ${(afterSoak / afterWarmUp).toFixed(3)}`,
    )
    expect(afterSoak / afterWarmUp).toBeLessThanOrEqual(1.1)
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
    // Still touring: the map is still drawing township stops.
    await expect(page.locator('[data-testid="present-caption"]').innerText()).resolves.toMatch(/测试站点/)
  }, 330_000)
})
