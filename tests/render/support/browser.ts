/**
 * One Chromium for the render suite, launched as the e2e suite does (its findChromium and
 * CHROMIUM_ARGS), on the harness page. Console errors and warnings, uncaught page errors and every
 * request that leaves the harness's 127.0.0.1 origin are recorded; such requests are also blocked.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../../e2e/support/browser'
import type { RenderRequest } from '../harness/harness'

export interface HarnessPage {
  page: Page
  problems: string[]
  foreignRequests: string[]
  /** Draws the request in the page: the PNG bytes of the canvas once the map is idle. */
  render(request: RenderRequest): Promise<Buffer>
  close(): Promise<void>
}

export async function openHarness(baseUrl: string): Promise<HarnessPage> {
  const origin = new URL(baseUrl).origin
  if (new URL(baseUrl).hostname !== '127.0.0.1') throw new Error(`harness must be on 127.0.0.1, got ${baseUrl}`)
  const profile = mkdtempSync(join(tmpdir(), 'jindong-render-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
    viewport: { width: 512, height: 512 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
  })
  const problems: string[] = []
  const foreignRequests: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
    foreignRequests.push(url)
    return route.abort()
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  await page.goto(baseUrl)
  await page.waitForFunction(() => typeof window.renderStyle === 'function')
  return {
    page,
    problems,
    foreignRequests,
    async render(request) {
      // The style's full type is too deep for playwright's argument typing; it crosses as JSON anyway.
      const dataUrl = await page.evaluate((r) => window.renderStyle(r as RenderRequest), request as unknown)
      return Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64')
    },
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
