/** Publishing: the zip checked, versions, current, restore, and the audit entries. */
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openContext, type TestContext } from './support/context'
import { as, login, type Agent } from './support/http'
import { lyingZip, projectJson, projectZip } from './support/projects'

let ctx: TestContext
let admin: Agent

beforeAll(async () => {
  ctx = await openContext()
  await ctx.addUser('pub-admin', 'admin')
  admin = await login(ctx.app, 'pub-admin')
})
afterAll(() => ctx?.close())

const publish = (zip: Uint8Array, note?: string, agent: Agent = admin) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/projects',
    payload: Buffer.from(zip),
    headers: {
      ...as(agent),
      'content-type': 'application/zip',
      ...(note === undefined ? {} : { 'x-note': encodeURIComponent(note) }),
    },
  })

const versionCount = async () => (await ctx.db.k.selectFrom('projects').select('version').execute()).length

describe('publishing', () => {
  it('answers 404 before anything is published', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/projects/current' })
    expect(response.statusCode).toBe(404)
    expect(response.json().error).toBe('no_project')
  })

  it('publishes a zip that every visitor then gets, byte for byte, with version, author, time and note', async () => {
    const zip = projectZip('first')
    ctx.clock.advance(60)
    const response = await publish(zip, '第一版 <script>alert(1)</script>')
    expect(response.statusCode).toBe(201)
    const { version, project } = response.json()
    expect(version).toMatchObject({
      version: 1,
      author: 'pub-admin',
      note: '第一版 <script>alert(1)</script>',
      isCurrent: true,
    })
    expect(version.createdAt).toBe(ctx.clock.now.toISOString())
    expect(project).toMatchObject({ formatVersion: 1, layers: 1 })
    const current = await ctx.app.inject({ method: 'GET', url: '/api/projects/current' })
    expect(current.statusCode).toBe(200)
    expect(current.headers['content-type']).toBe('application/zip')
    expect(current.headers['x-project-version']).toBe('1')
    expect(new Uint8Array(current.rawPayload)).toEqual(zip)
    const again = await ctx.app.inject({
      method: 'GET',
      url: '/api/projects/current',
      headers: { 'if-none-match': String(current.headers.etag) },
    })
    expect(again.statusCode).toBe(304)
  })

  it('lists versions newest first, and restores an earlier one as a new version', async () => {
    const second = projectZip('second')
    expect((await publish(second, 'second')).statusCode).toBe(201)
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/projects', headers: as(admin) })).json().versions
    expect(list.map((v: { version: number }) => v.version)).toEqual([2, 1])
    expect(list.filter((v: { isCurrent: boolean }) => v.isCurrent).map((v: { version: number }) => v.version)).toEqual([
      2,
    ])
    const restored = await ctx.app.inject({ method: 'POST', url: '/api/projects/1/restore', headers: as(admin) })
    expect(restored.statusCode).toBe(201)
    expect(restored.json().version).toMatchObject({ version: 3, restoredFrom: 1, isCurrent: true })
    const current = await ctx.app.inject({ method: 'GET', url: '/api/projects/current' })
    expect(new Uint8Array(current.rawPayload)).toEqual(projectZip('first'))
    const files = await ctx.db.k.selectFrom('project_files').select('sha256').execute()
    expect(files).toHaveLength(2)
    const missing = await ctx.app.inject({ method: 'POST', url: '/api/projects/99/restore', headers: as(admin) })
    expect(missing.statusCode).toBe(404)
    const audit = await ctx.db.k
      .selectFrom('audit_log')
      .select(['kind', 'target', 'before', 'after'])
      .where('kind', 'like', 'project.%')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => `${a.kind} ${a.target}`)).toEqual([
      'project.publish project/1',
      'project.publish project/2',
      'project.restore project/3',
    ])
    expect(audit[2]!.before).toMatchObject({ version: 2 })
    expect(audit[2]!.after).toMatchObject({ version: 3, restoredFrom: 1 })
  })

  const refused: [string, () => Uint8Array, number, string][] = [
    ['a file that is not a zip', () => strToU8('not a zip at all, just text'), 422, 'invalid_zip'],
    ['a zip without project.json', () => zipSync({ 'readme.txt': strToU8('hi') }), 422, 'invalid_project'],
    ['a path traversal entry', () => projectZip('x', { '../../etc/evil.sh': strToU8('rm -rf /') }), 422, 'unsafe_path'],
    ['an absolute entry name', () => projectZip('x', { '/etc/passwd': strToU8('x') }), 422, 'unsafe_path'],
    ['a backslash entry name', () => projectZip('x', { 'layers\\..\\evil': strToU8('x') }), 422, 'unsafe_path'],
    [
      'a layer whose data path climbs out',
      () => projectZip('x', {}, projectJson({ layers: [{ ...projectJson().layers[0], data: '../x.geojson' }] })),
      422,
      'invalid_layer_entry',
    ],
    ['a newer format version', () => projectZip('x', {}, projectJson({ version: 2 })), 422, 'newer_format'],
    [
      'a zip bomb that declares its size (12 MB of zeros, limit 8 MB)',
      () => lyingZip('layers/bomb.geojson', 12 * 1024 * 1024, 12 * 1024 * 1024),
      422,
      'unpacks_too_large',
    ],
    [
      'a zip bomb whose header lies (6 MB inflating from a declared 1 kB)',
      () => lyingZip('layers/bomb.geojson', 6 * 1024 * 1024, 1000),
      422,
      'unpacks_too_large',
    ],
    [
      'a layer file that is not GeoJSON',
      () => projectZip('x', { 'layers/user-1.geojson': strToU8('{"type":"Nope"}') }),
      422,
      'project_files_missing',
    ],
    ['an empty body', () => new Uint8Array(0), 400, 'empty_body'],
  ]
  for (const [what, make, status, code] of refused)
    it(`refuses ${what} (${status} ${code}) and changes nothing`, async () => {
      const before = await versionCount()
      const response = await publish(make())
      expect(response.statusCode).toBe(status)
      expect(response.json().error).toBe(code)
      expect(response.json().zh.length).toBeGreaterThan(0)
      expect(await versionCount()).toBe(before)
    })

  it('answers 413 to a zip over MAX_PROJECT_BYTES, and changes nothing', async () => {
    const before = await versionCount()
    const big = projectZip('x', { 'layers/noise.bin': [crypto.getRandomValues(new Uint8Array(65536)), { level: 0 }] })
    const padded = new Uint8Array(3 * 1024 * 1024)
    padded.set(big)
    const response = await publish(padded)
    expect(response.statusCode).toBe(413)
    expect(response.json().error).toBe('too_large')
    expect(await versionCount()).toBe(before)
  })

  it('refuses a note that is not percent-encoded text, or too long', async () => {
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: Buffer.from(projectZip('x')),
      headers: { ...as(admin), 'content-type': 'application/zip', 'x-note': '%E0%A4%A' },
    })
    expect(bad.statusCode).toBe(400)
    expect((await publish(projectZip('x'), 'x'.repeat(501))).statusCode).toBe(400)
  })

  it('refuses another content type (415)', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: 'plain',
      headers: { ...as(admin), 'content-type': 'text/plain' },
    })
    expect(response.statusCode).toBe(415)
  })
})

describe('GET /api/audit', () => {
  it('filters by person, kind (or family) and time', async () => {
    const t0 = ctx.clock.now.toISOString()
    ctx.clock.advance(10)
    await ctx.addUser('pub-viewer', 'viewer')
    await login(ctx.app, 'pub-viewer')
    const get = (query: string) => ctx.app.inject({ method: 'GET', url: `/api/audit?${query}`, headers: as(admin) })
    const byPerson = (await get('person=pub-viewer')).json().entries
    expect(byPerson.map((e: { kind: string }) => e.kind)).toEqual(['session.login'])
    const family = (await get('kind=project')).json().entries
    expect(new Set(family.map((e: { kind: string }) => e.kind))).toEqual(
      new Set(['project.publish', 'project.restore']),
    )
    const since = (await get(`from=${encodeURIComponent(new Date(Date.parse(t0) + 1000).toISOString())}`)).json()
      .entries
    expect(since.map((e: { kind: string }) => e.kind).sort()).toEqual(['session.login', 'user.add'])
    const until = (await get(`to=${encodeURIComponent(t0)}&kind=user.add`)).json().entries
    expect(until.map((e: { target: string }) => e.target)).toEqual(['pub-admin'])
    expect((await get('from=yesterday')).statusCode).toBe(400)
    expect((await get('limit=100000')).statusCode).toBe(400)
    expect((await get(`from=${encodeURIComponent(t0)}&to=2000-01-01T00:00:00Z`)).statusCode).toBe(400)
  })

  it('is append-only in the database itself', async () => {
    await expect(ctx.db.k.updateTable('audit_log').set({ kind: 'x.y' }).execute()).rejects.toThrow(/append-only/)
    await expect(ctx.db.k.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/)
  })
})
