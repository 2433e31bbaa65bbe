/**
 * The app's page as the server serves it: a note that a server stands behind it (so the app asks the
 * API only then) and the published version (so a visitor's first view asks for the project only when
 * there is one, and sees a new publication without a rebuild). The static build has no note.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../server/app'
import { openContext, type TestContext } from './support/context'
import { as, login } from './support/http'
import { projectZip } from './support/projects'
import { ConfigError, loadConfig } from '../../server/config'
import { connectSources, contentSecurityPolicy } from '../../src/settings/content-security-policy'

const INDEX = '<!doctype html><html><head><title>金东</title></head><body><div id="app"></div></body></html>'
/** A script as the build writes it, with its gzip copy beside it (scripts/precompress.ts). */
const SCRIPT = 'export const 东关桥 = "III";\n'.repeat(100)
let ctx: TestContext
let app: App
let staticDir: string

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'jd-app-page-'))
  writeFileSync(join(staticDir, 'index.html'), INDEX)
  writeFileSync(join(staticDir, 'main.js'), 'console.log(1)')
  mkdirSync(join(staticDir, 'assets'))
  mkdirSync(join(staticDir, 'geo'))
  writeFileSync(join(staticDir, 'assets', 'index-Ab12Cd34.js'), SCRIPT)
  writeFileSync(join(staticDir, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(SCRIPT))
  writeFileSync(join(staticDir, 'geo', 'manifest.json'), '{"entries":[]}')
  ctx = await openContext()
  app = await ctx.appWith({ STATIC_DIR: staticDir })
  await ctx.addUser('page-admin', 'admin')
})
afterAll(async () => {
  await ctx?.close()
  rmSync(staticDir, { recursive: true, force: true })
})

const page = async (url: string) => {
  const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })
  return { response, meta: /<meta name="jindong-server"[^>]*>/.exec(response.body)?.[0] ?? null }
}

describe("the app's page", () => {
  it('carries the note, with no version before anything is published, and is not cached', async () => {
    for (const url of ['/', '/index.html', '/some/deep/link?x=1']) {
      const { response, meta } = await page(url)
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toMatch(/^text\/html/)
      expect(response.headers['cache-control']).toBe('no-cache')
      expect(meta).toBe('<meta name="jindong-server" content="api/" data-project-version="" />')
      expect(response.body).toContain('<div id="app"></div>')
    }
  })

  it('names the published version once an admin publishes, and the next one after that', async () => {
    const admin = await login(app, 'page-admin')
    for (const expected of ['1', '2']) {
      const published = await app.inject({
        method: 'POST',
        url: '/api/projects',
        payload: Buffer.from(projectZip(`v${expected}`)),
        headers: { ...as(admin), 'content-type': 'application/zip' },
      })
      expect(published.statusCode).toBe(201)
      expect((await page('/')).meta).toContain(`data-project-version="${expected}"`)
    }
  })

  it("serves the built files as they are, and an unknown /api path as the API's 404", async () => {
    const script = await app.inject({ method: 'GET', url: '/main.js' })
    expect(script.body).toBe('console.log(1)')
    const api = await app.inject({ method: 'GET', url: '/api/nothing', headers: { accept: 'text/html' } })
    expect(api.statusCode).toBe(404)
    expect(api.json().error).toBe('not_found')
  })
})

describe("the build's files", () => {
  it("sends the build's gzip copy to a browser that accepts gzip, the file itself to one that does not", async () => {
    const url = '/assets/index-Ab12Cd34.js'
    const gzipped = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(gzipped.statusCode).toBe(200)
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    expect(gzipped.headers['content-type']).toMatch(/javascript/)
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(SCRIPT)
    const plain = await app.inject({ method: 'GET', url })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(SCRIPT)
  })

  it('keeps the content-named scripts for a year, and asks again for the data each time', async () => {
    const script = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' })
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const manifest = await app.inject({ method: 'GET', url: '/geo/manifest.json' })
    expect(manifest.headers['cache-control']).toBe('no-cache')
    expect(manifest.headers.etag).toBeTruthy()
    const again = await app.inject({
      method: 'GET',
      url: '/geo/manifest.json',
      headers: { 'if-none-match': String(manifest.headers.etag) },
    })
    expect(again.statusCode).toBe(304)
  })
})

describe('SERVICE_HOSTS', () => {
  it("writes the hosts into the page's Content-Security-Policy, in place of the build's", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jd-app-csp-'))
    const built = contentSecurityPolicy([])
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${built}" /></head></html>`,
    )
    try {
      const served = await ctx.appWith({ STATIC_DIR: dir, SERVICE_HOSTS: 'http://10.1.2.3:8080, https://*.zj.gov.cn' })
      const body = (await served.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } })).body
      const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(body)![1]!
      expect(connectSources(policy)).toEqual(expect.arrayContaining(['http://10.1.2.3:8080', 'https://*.zj.gov.cn']))
      expect(policy).toContain("script-src 'self'")
      const unchanged = await ctx.appWith({ STATIC_DIR: dir })
      const plain = (await unchanged.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } })).body
      expect(plain).toContain(built)
      expect(plain).not.toContain('10.1.2.3')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a source that would open every host, by name', () => {
    expect(() => loadConfig({ SERVICE_HOSTS: 'https:' })).toThrow(/SERVICE_HOSTS/)
    expect(() => loadConfig({ SERVICE_HOSTS: "https://a.cn 'unsafe-inline'" })).toThrow(ConfigError)
    expect(loadConfig({ SERVICE_HOSTS: '' }).serviceHosts).toBeNull()
  })
})
