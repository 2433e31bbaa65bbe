/**
 * The platform in the browser, against the real server (server/app.ts on PGlite, serving the e2e
 * build): a visitor sees 登录 and makes no API request; an admin logs in, sees 发布 and 审计,
 * publishes the map with a layer of their own, and a fresh visitor sees that layer without a
 * rebuild; restoring an earlier version works; the audit log lists it all; a viewer sees none of
 * it; while the server is away a publication is kept and said, and it is sent when the server is
 * back. The static build (the suite's own server) shows no account part at all.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { buildApp, type App } from '../../server/app'
import { loadConfig } from '../../server/config'
import { openDatabase, type Db } from '../../server/db/connection'
import { createUser } from '../../server/session/users'
import { prepareDatabase } from '../../server/db/prepare'
import { openSession, type Session } from './support/browser'
import { waitForMapIdle } from './support/map-probe'

const SHOTS = 'docs/screenshots'
const PASSWORD = 'e2e-correct-horse-42'
const COST = { N: 2 ** 12, r: 8, p: 1 }
const STATIONS = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '自建站甲' }, geometry: { type: 'Point', coordinates: [119.72, 29.12] } },
    { type: 'Feature', properties: { name: '自建站乙' }, geometry: { type: 'Point', coordinates: [119.8, 29.16] } },
  ],
}

describe('the platform: accounts, publishing, audit, and a server that goes away', () => {
  let folder: string
  let db: Db
  let app: App | null = null
  let port = 0
  let baseUrl = ''
  const sessions: Session[] = []

  const startServer = async () => {
    const config = loadConfig({ STATIC_DIR: 'dist', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: String(port) })
    app = await buildApp({ config, db, scryptCost: COST, logger: false })
    await app.listen({ host: '127.0.0.1', port })
    port = (app.server.address() as { port: number }).port
    baseUrl = `http://127.0.0.1:${port}/`
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'jd-platform-e2e-'))
    const dataDir = join(folder, 'db')
    // The server tests' migrated template, when a run made one (tests/server/support/global-setup.ts);
    // else this file migrates its own (PostGIS in PGlite: 10–40 s).
    const cache = 'node_modules/.cache/jindong-server-tests'
    const template = existsSync(cache)
      ? (await import('node:fs')).readdirSync(cache).find((name) => existsSync(join(cache, name, 'PG_VERSION')))
      : undefined
    if (template) cpSync(join(cache, template), dataDir, { recursive: true })
    else await (await prepareDatabase({ databaseUrl: '', dataDir })).close()
    db = await openDatabase({ databaseUrl: '', dataDir })
    const by = { userId: null, name: 'e2e' }
    await createUser(db.k, { name: 'e2e-admin', role: 'admin', password: PASSWORD }, by, new Date(), COST)
    await createUser(db.k, { name: 'e2e-viewer', role: 'viewer', password: PASSWORD }, by, new Date(), COST)
    await startServer()
    mkdirSync(SHOTS, { recursive: true })
    writeFileSync(join(folder, '自建站.geojson'), JSON.stringify(STATIONS))
  }, 180_000)

  afterAll(async () => {
    for (const session of sessions) await session.close()
    await app?.close()
    await db?.close()
    if (folder) rmSync(folder, { recursive: true, force: true })
  })

  async function open(url = baseUrl): Promise<Session> {
    const session = await openSession(url)
    sessions.push(session)
    await session.page.goto(url)
    await waitForMapIdle(session.page)
    return session
  }

  async function logIn(session: Session, name: string) {
    const page = session.page
    await page.locator('[data-testid="login-open"]').click()
    await expect(page.locator('[data-testid="password-rules"]').innerText()).resolves.toMatch(/\d+/)
    await page.locator('[data-testid="login-name"]').fill(name)
    await page.locator('[data-testid="login-password"]').fill(PASSWORD)
    await page.locator('[data-testid="login-submit"]').click()
    await page.locator('[data-testid="who"]').waitFor()
  }

  let admin: Session

  test("the server sends the build's gzip copies: the first view's scripts and data arrive compressed", async () => {
    const session = await openSession(baseUrl)
    sessions.push(session)
    const encodings = new Map<string, string>()
    session.page.on('response', (response) => {
      const path = new URL(response.url()).pathname
      if (/\/assets\/index-[\w-]+\.js$|\/geo\/(towns|enforcement)\.geojson$/.test(path))
        encodings.set(path.replace(/-[\w-]+\.js$/, '.js'), response.headers()['content-encoding'] ?? 'none')
    })
    await session.page.goto(baseUrl)
    await waitForMapIdle(session.page)
    expect(Object.fromEntries(encodings)).toEqual({
      '/assets/index.js': 'gzip',
      '/geo/towns.geojson': 'gzip',
      '/geo/enforcement.geojson': 'gzip',
    })
  })

  test('a visitor sees 登录 and makes no API request; a wrong password is said in the form', async () => {
    const visitor = await open()
    const apiCalls: string[] = []
    visitor.page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url())
    })
    await visitor.page.reload()
    await waitForMapIdle(visitor.page)
    await visitor.page.locator('[data-testid="login-open"]').waitFor()
    expect(apiCalls).toEqual([])
    await visitor.page.locator('[data-testid="login-open"]').click()
    await visitor.page.locator('[data-testid="login-name"]').fill('e2e-admin')
    await visitor.page.locator('[data-testid="login-password"]').fill('wrong-password')
    await visitor.page.locator('[data-testid="login-submit"]').click()
    await expect(visitor.page.locator('[data-testid="login-failure"]').innerText()).resolves.toMatch(/用户名或密码/)
    // The refused login is a 401 the browser reports itself; nothing else went wrong.
    expect(visitor.consoleProblems.filter((p) => !/status of 401/.test(p))).toEqual([])
    expect(visitor.foreignRequests).toEqual([])
  })

  test('an admin logs in, sees 发布 and 审计, and publishes the map with a layer of their own', async () => {
    admin = await open()
    const page = admin.page
    await logIn(admin, 'e2e-admin')
    await expect(page.locator('[data-testid="who"]').innerText()).resolves.toContain('e2e-admin · 管理员')
    await expect(page.locator('[data-testid="publish-open"]').isVisible()).resolves.toBe(true)
    await expect(page.locator('[data-testid="audit-open"]').isVisible()).resolves.toBe(true)

    await page.locator('[data-testid="import-input"]').setInputFiles(join(folder, '自建站.geojson'))
    await page.locator('[data-testid="import-confirm"]').click()
    await page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached' })

    await page.locator('[data-testid="publish-open"]').click()
    await expect(page.locator('[data-testid="publish-contents"]').innerText()).resolves.toContain('1 个图层')
    await page.locator('[data-testid="publish-note"]').fill('第一版：自建站')
    await page.locator('[data-testid="publish-now"]').click()
    await expect
      .poll(() => page.locator('[data-testid="publish-outcome"]').innerText(), { timeout: 30_000 })
      .toContain('已发布第 1 版')
    await expect(page.locator('[data-testid="project-versions"] tr[data-version="1"]').innerText()).resolves.toContain(
      '第一版：自建站',
    )
    await page.screenshot({ path: `${SHOTS}/platform-publish.png` })
    await page.locator('[data-testid="publish-dialog"] .close').click()
    expect(admin.consoleProblems).toEqual([])
  })

  test('a fresh visitor sees the published layer, without a rebuild', async () => {
    const visitor = await open()
    await visitor.page.locator('[data-layer="user-1"]').waitFor({ timeout: 60_000 })
    await expect(visitor.page.locator('[data-layer="user-1"]').innerText()).resolves.toContain('自建站')
    expect(visitor.consoleProblems).toEqual([])
    expect(visitor.foreignRequests).toEqual([])
  })

  test('a second publication, then version 1 restored as version 3; the audit log lists them', async () => {
    const page = admin.page
    await page.locator('[data-testid="publish-open"]').click()
    await page.locator('[data-testid="publish-note"]').fill('第二版')
    await page.locator('[data-testid="publish-now"]').click()
    await expect
      .poll(() => page.locator('[data-testid="publish-outcome"]').innerText(), { timeout: 30_000 })
      .toContain('已发布第 2 版')
    await page.locator('[data-testid="restore-1"]').click()
    await expect
      .poll(() => page.locator('[data-testid="publish-outcome"]').innerText(), { timeout: 30_000 })
      .toContain('第 1 版的内容成为第 3 版')
    const current = page.locator('[data-testid="project-versions"] tr[data-current="true"]')
    await expect(current.getAttribute('data-version')).resolves.toBe('3')
    await expect(current.innerText()).resolves.toContain('恢复自第 1 版')
    await page.locator('[data-testid="publish-dialog"] .close').click()

    await page.locator('[data-testid="audit-open"]').click()
    await page.locator('[data-testid="audit-kind"]').selectOption('project')
    await page.locator('[data-testid="audit-search"]').click()
    await expect
      .poll(() =>
        page
          .locator('[data-testid="audit-entries"] tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind'))),
      )
      .toEqual(['project.restore', 'project.publish', 'project.publish'])
    await expect(page.locator('[data-testid="audit-entries"] tbody tr').first().innerText()).resolves.toContain(
      'e2e-admin',
    )
    await page.screenshot({ path: `${SHOTS}/platform-audit.png` })
    await page.locator('[data-testid="audit-dialog"] .close').click()
    expect(admin.consoleProblems).toEqual([])
  })

  test('a viewer sees neither 发布 nor 审计', async () => {
    const viewer = await open()
    await logIn(viewer, 'e2e-viewer')
    await expect(viewer.page.locator('[data-testid="who"]').innerText()).resolves.toContain('e2e-viewer · 查看')
    await expect(viewer.page.locator('[data-testid="publish-open"]').count()).resolves.toBe(0)
    await expect(viewer.page.locator('[data-testid="audit-open"]').count()).resolves.toBe(0)
    await viewer.page.locator('[data-testid="logout"]').click()
    await viewer.page.locator('[data-testid="login-open"]').waitFor()
    expect(viewer.consoleProblems).toEqual([])
  })

  test('on a phone the account is in the menu: 登录 there, then who is logged in', async () => {
    const phone = await openSession(baseUrl, { viewport: { width: 390, height: 844 }, mobile: true })
    sessions.push(phone)
    const page = phone.page
    await page.goto(baseUrl)
    await waitForMapIdle(page)
    await page.locator('[data-testid="phone-menu"]').click()
    await logIn(phone, 'e2e-viewer')
    await expect(page.locator('#phone-menu [data-testid="who"]').innerText()).resolves.toContain('e2e-viewer')
    await expect(page.locator('[data-testid="publish-open"]').count()).resolves.toBe(0)
    await page.screenshot({ path: `${SHOTS}/platform-phone.png` })
    await page.locator('[data-testid="logout"]').click()
    await page.locator('[data-testid="login-open"]').waitFor()
    expect(phone.consoleProblems).toEqual([])
    expect(phone.foreignRequests).toEqual([])
  })

  test('while the server is away a publication is kept and said; when it is back it is sent', async () => {
    const page = admin.page
    const before = admin.consoleProblems.length
    await app!.close()
    app = null
    await page.locator('[data-testid="publish-open"]').click()
    await page.locator('[data-testid="publish-note"]').fill('断网时发布')
    await page.locator('[data-testid="publish-now"]').click()
    await expect
      .poll(() => page.locator('[data-testid="publish-outcome"]').innerText(), { timeout: 30_000 })
      .toContain('无法连接服务器')
    await page.locator('[data-testid="publish-dialog"] .close').click()
    const banner = page.locator('[data-testid="server-banner"]')
    await expect(banner.getAttribute('data-reachable')).resolves.toBe('false')
    await expect(page.locator('[data-testid="pending-changes"]').getAttribute('data-count')).resolves.toBe('1')
    await page.screenshot({ path: `${SHOTS}/platform-server-away.png` })
    // The map keeps working with what it has.
    await expect(page.locator('[data-layer="user-1"]').count()).resolves.toBe(1)

    await startServer()
    // The banner asks again every 15 s; the kept publication goes as version 4.
    await banner.waitFor({ state: 'detached', timeout: 60_000 })
    const versions = await db.k.selectFrom('projects').select(['version', 'note']).orderBy('version').execute()
    expect(versions.map((v) => [Number(v.version), v.note])).toEqual([
      [1, '第一版：自建站'],
      [2, '第二版'],
      [3, 'restored from version 1'],
      [4, '断网时发布'],
    ])
    // While it was away, the browser said each refused connection itself; nothing else.
    expect(admin.consoleProblems.slice(before).filter((p) => !/ERR_CONNECTION_REFUSED/.test(p))).toEqual([])
    expect(admin.foreignRequests).toEqual([])
  }, 120_000)

  test('the static build (no server behind it) shows no account part and asks no API', async () => {
    const session = await open(inject('baseUrl'))
    const apiCalls: string[] = []
    session.page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url())
    })
    await session.page.waitForTimeout(1_000)
    await expect(session.page.locator('[data-testid="account"]').count()).resolves.toBe(0)
    expect(apiCalls).toEqual([])
    expect(session.consoleProblems).toEqual([])
  })
})
