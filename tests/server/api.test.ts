/** The API's own surface: health, OpenAPI and its docs page, the township data, and the config table in the docs. */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONFIG_VARS, ConfigError, loadConfig } from '../../server/config'
import { openContext, type TestContext } from './support/context'

let ctx: TestContext

beforeAll(async () => {
  ctx = await openContext()
})
afterAll(() => ctx?.close())

describe('the API surface', () => {
  it('GET /api/health says the database is reachable and the migrations current', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'ok', database: 'ok', migrations: 'current' })
    expect(response.json().applied).toBe(response.json().latest)
  })

  it('publishes OpenAPI 3.1 with every route described, and a docs page without a CDN', async () => {
    const spec = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(spec.openapi).toBe('3.1.0')
    for (const [path, methods] of Object.entries(spec.paths as Record<string, Record<string, { summary?: string }>>))
      for (const [method, operation] of Object.entries(methods))
        expect(operation.summary, `${method} ${path}`).toBeTruthy()
    const page = await ctx.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(page.statusCode).toBe(200)
    expect(page.body).toMatch(/swagger/i)
    expect(page.body).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/)
  })

  it('serves the townships and their boundaries from PostGIS', async () => {
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/townships' })).json().townships
    expect(list).toHaveLength(11)
    expect(list).toContainEqual({ code: '330703103', name: '曹宅镇', nameEn: 'Caozhai Town' })
    const boundaries = await ctx.app.inject({ method: 'GET', url: '/api/townships/boundaries' })
    expect(boundaries.headers['content-type']).toMatch(/^application\/json/)
    const collection = boundaries.json()
    expect(collection.type).toBe('FeatureCollection')
    expect(collection.features).toHaveLength(11)
    expect(collection.features[0].geometry.type).toBe('MultiPolygon')
    expect(collection.features.map((f: { id: string }) => f.id)).toContain('330703200')
  })
})

describe('configuration', () => {
  it('docs/platform.md lists every variable the server reads, with its default', () => {
    const docs = readFileSync('docs/platform.md', 'utf8')
    for (const variable of CONFIG_VARS) expect(docs).toContain(`| \`${variable.name}\` |`)
  })

  it('refuses a bad value by name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError)
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres/)
    expect(() => loadConfig({ COOKIE_SECURE: 'maybe' })).toThrow(/COOKIE_SECURE/)
    expect(loadConfig({}).port).toBe(4173)
    expect(loadConfig({}).host).toBe('127.0.0.1')
  })
})
