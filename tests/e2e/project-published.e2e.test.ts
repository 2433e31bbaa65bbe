/**
 * The published default: a project placed where the build looks for data/project.zip (here a
 * fixture named by PUBLISHED_PROJECT, so the repository never holds one) is built into the app, and
 * every fresh visitor sees its layer, camera and language; a visitor who comes with a share link
 * keeps the link's camera and language and still sees the layer. The build goes to a temporary
 * folder and is served beside the suite's own (which has no published project).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { preview, type PreviewServer } from 'vite'
import type { FeatureCollection } from 'geojson'
import { writeProject } from '../../src/user-data/project/write-project'
import { defaultUserLayerStyle } from '../../src/user-data/styles/user-layer-style'
import { openSession, type Session } from './support/browser'
import { countColours, hexToRgb, waitForMapIdle } from './support/map-probe'
import { openToolTab } from './support/tools'

/** The first user layer's colour (src/layers/user-layer.ts): its outline is drawn in it, opaque. */
const USER_MAGENTA = hexToRgb('#d946ef')
const AREA: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: '发布的区域' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [119.7, 29.1],
            [119.78, 29.1],
            [119.78, 29.16],
            [119.7, 29.16],
            [119.7, 29.1],
          ],
        ],
      },
    },
  ],
}

function fixtureProject(): Uint8Array {
  return writeProject({
    snapshot: {
      layers: [
        {
          id: 'user-1',
          fileName: 'published-area.geojson',
          name: '发布的区域',
          addedAt: '2026-11-30T00:00:00.000Z',
          visible: true,
          opacity: 1,
          style: defaultUserLayerStyle(),
          data: { kind: 'features', collection: AREA },
        },
      ],
      replacements: [],
      indicators: [],
    },
    view: { camera: { zoom: 11, lat: 29.13, lng: 119.74 }, locale: 'en' },
    appVersion: 'test',
    savedAt: '2026-11-30T00:00:00.000Z',
  })
}

async function openVisitor(url: string): Promise<Session> {
  const session = await openSession(url)
  await session.page.goto(url)
  await session.page.waitForSelector('[data-layer="user-1"]', { timeout: 60_000 })
  await session.page.waitForTimeout(300)
  await waitForMapIdle(session.page)
  return session
}

describe('a published project (data/project.zip) is every visitor’s default', () => {
  let dir: string
  let server: PreviewServer | undefined
  let baseUrl: string
  const sessions: Session[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'project-published-'))
    const fixture = join(dir, 'project.zip')
    writeFileSync(fixture, fixtureProject())
    const outDir = join(dir, 'dist')
    execFileSync('npx', ['vite', 'build', '--mode', 'e2e', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      env: { ...process.env, PUBLISHED_PROJECT: fixture },
      stdio: 'inherit',
    })
    expect(readdirSync(outDir).filter((name) => /^project-[0-9a-f]{10}\.zip$/.test(name))).toHaveLength(1)
    server = await preview({
      build: { outDir },
      preview: { host: '127.0.0.1', port: 4299, strictPort: false },
      logLevel: 'warn',
    })
    baseUrl = server.resolvedUrls!.local[0]!
  }, 600_000)
  afterAll(async () => {
    for (const session of sessions) await session.close()
    await server?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('a fresh visitor sees its layer, camera and language', { timeout: 120_000 }, async () => {
    const session = await openVisitor(baseUrl)
    sessions.push(session)
    const page = session.page
    await openToolTab(page, 'layers')
    await expect(page.locator('[data-layer="user-1"]').innerText()).resolves.toContain('发布的区域')
    await expect(page.locator('[data-testid="language"]').inputValue()).resolves.toBe('en')
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#map=11\/29\.13\d*\/119\.74\d*&/)
    const [outline] = await countColours(page, [USER_MAGENTA], 10)
    console.info(`published layer outline: ${outline} pixels`)
    expect(outline).toBeGreaterThan(500)
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })

  test(
    'a visitor with a share link keeps its camera and language, and sees the layer',
    { timeout: 120_000 },
    async () => {
      const session = await openVisitor(`${baseUrl}#map=10/29.2/119.8&lang=zh-CN`)
      sessions.push(session)
      const page = session.page
      await expect(page.locator('[data-testid="language"]').inputValue()).resolves.toBe('zh-CN')
      expect(await page.evaluate(() => window.location.hash)).toMatch(/^#map=10\/29\.20*\/119\.80*&/)
      await openToolTab(page, 'layers')
      await expect(page.locator('[data-layer="user-1"]').innerText()).resolves.toContain('发布的区域')
      expect(session.consoleProblems).toEqual([])
    },
  )

  test('the suite’s own build has no published project: the sample data alone', { timeout: 120_000 }, async () => {
    const session = await openSession(inject('baseUrl'))
    sessions.push(session)
    await session.page.goto(`${inject('baseUrl')}#map=11/29.13/119.74`)
    await waitForMapIdle(session.page)
    await openToolTab(session.page, 'layers')
    await expect(session.page.locator('[data-layer="user-1"]').count()).resolves.toBe(0)
    const [outline] = await countColours(session.page, [USER_MAGENTA], 10)
    expect(outline).toBeLessThan(50)
    expect(session.consoleProblems).toEqual([])
  })
})
