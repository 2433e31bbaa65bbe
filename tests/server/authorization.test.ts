/**
 * The authorization matrix: every endpoint × every role (and a handler's own or another township):
 * allowed, 401 or 403, nothing else. The expected table is written out here on its own, so a change
 * of policy that this table does not share fails. Then the database's own guard: row-level security
 * holds a handler's transaction to their township even if the policy were skipped.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inScope } from '../../server/db/scope'
import { openContext, PASSWORD, type TestContext } from './support/context'
import { as, login, type Agent } from './support/http'
import { projectZip } from './support/projects'

const OWN = '330703103' // 曹宅镇, the handler's
const OTHER = '330703104' // 澧浦镇

type Who = 'anonymous' | 'viewer' | 'inspector' | 'dispatcher' | 'handler' | 'admin'
const WHO: Who[] = ['anonymous', 'viewer', 'inspector', 'dispatcher', 'handler', 'admin']
type Expect = 'ok' | 401 | 403

interface Case {
  route: string
  request: () => { method: 'GET' | 'POST' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> }
  expect: Record<Who, Expect>
}

const all = (value: Expect): Record<Who, Expect> =>
  Object.fromEntries(WHO.map((w) => [w, value])) as Record<Who, Expect>
const loggedIn = { ...all('ok'), anonymous: 401 } as Record<Who, Expect>
const adminOnly = { ...all(403), anonymous: 401, admin: 'ok' } as Record<Who, Expect>

const CASES: Case[] = [
  { route: 'GET /api/health', request: () => ({ method: 'GET', url: '/api/health' }), expect: all('ok') },
  { route: 'GET /api/openapi.json', request: () => ({ method: 'GET', url: '/api/openapi.json' }), expect: all('ok') },
  {
    route: 'GET /api/password-rules',
    request: () => ({ method: 'GET', url: '/api/password-rules' }),
    expect: all('ok'),
  },
  {
    route: 'POST /api/session',
    request: () => ({ method: 'POST', url: '/api/session', payload: { name: 'm-viewer', password: PASSWORD } }),
    expect: all('ok'),
  },
  { route: 'GET /api/session', request: () => ({ method: 'GET', url: '/api/session' }), expect: loggedIn },
  { route: 'DELETE /api/session', request: () => ({ method: 'DELETE', url: '/api/session' }), expect: loggedIn },
  {
    route: 'GET /api/projects/current',
    request: () => ({ method: 'GET', url: '/api/projects/current' }),
    expect: all('ok'),
  },
  { route: 'GET /api/projects', request: () => ({ method: 'GET', url: '/api/projects' }), expect: loggedIn },
  {
    route: 'POST /api/projects',
    request: () => ({
      method: 'POST',
      url: '/api/projects',
      payload: Buffer.from(projectZip('matrix')),
      headers: { 'content-type': 'application/zip' },
    }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/projects/:version/restore',
    request: () => ({ method: 'POST', url: '/api/projects/1/restore' }),
    expect: adminOnly,
  },
  { route: 'GET /api/audit', request: () => ({ method: 'GET', url: '/api/audit' }), expect: adminOnly },
  { route: 'GET /api/townships', request: () => ({ method: 'GET', url: '/api/townships' }), expect: all('ok') },
  {
    route: 'GET /api/townships/boundaries',
    request: () => ({ method: 'GET', url: '/api/townships/boundaries' }),
    expect: all('ok'),
  },
  {
    route: 'GET /api/townships/:code/notes (own)',
    request: () => ({ method: 'GET', url: `/api/townships/${OWN}/notes` }),
    expect: loggedIn,
  },
  {
    route: 'GET /api/townships/:code/notes (other)',
    request: () => ({ method: 'GET', url: `/api/townships/${OTHER}/notes` }),
    expect: { ...loggedIn, handler: 403 },
  },
  {
    route: 'POST /api/townships/:code/notes (own)',
    request: () => ({ method: 'POST', url: `/api/townships/${OWN}/notes`, payload: { body: 'matrix note' } }),
    expect: { ...loggedIn, viewer: 403 },
  },
  {
    route: 'POST /api/townships/:code/notes (other)',
    request: () => ({ method: 'POST', url: `/api/townships/${OTHER}/notes`, payload: { body: 'matrix note' } }),
    expect: { ...loggedIn, viewer: 403, handler: 403 },
  },
]

let ctx: TestContext

beforeAll(async () => {
  ctx = await openContext()
  await ctx.addUser('m-admin', 'admin')
  await ctx.addUser('m-dispatcher', 'dispatcher')
  await ctx.addUser('m-inspector', 'inspector')
  await ctx.addUser('m-handler', 'handler', OWN)
  await ctx.addUser('m-viewer', 'viewer')
  const admin = await login(ctx.app, 'm-admin')
  const published = await ctx.app.inject({
    method: 'POST',
    url: '/api/projects',
    payload: Buffer.from(projectZip('first')),
    headers: { ...as(admin), 'content-type': 'application/zip' },
  })
  expect(published.statusCode).toBe(201)
})
afterAll(() => ctx?.close())

describe('authorization matrix', () => {
  it('covers every route the API documents', async () => {
    const spec = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    const documented = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    )
    const covered = new Set(CASES.map((c) => c.route.replace(/ \((own|other)\)$/, '')))
    covered.delete('GET /api/openapi.json')
    expect(documented.sort()).toEqual([...covered].sort())
  })

  for (const testCase of CASES)
    it(`${testCase.route}: ${WHO.map((w) => `${w} ${testCase.expect[w]}`).join(', ')}`, async () => {
      const got: Record<string, Expect | number> = {}
      for (const who of WHO) {
        const agent: Agent | null = who === 'anonymous' ? null : await login(ctx.app, `m-${who}`)
        const request = testCase.request()
        const response = await ctx.app.inject({ ...request, headers: { ...as(agent), ...request.headers } } as never)
        const status = response.statusCode
        got[who] = status === 401 || status === 403 ? status : status < 400 ? 'ok' : status
        if (status === 401 || status === 403) expect(response.json().error).toMatch(/^[a-z_]+$/)
      }
      expect(got).toEqual(testCase.expect)
    })
})

describe('row-level security (the database holds a handler to their township)', () => {
  it('a handler-scoped transaction cannot write to or read another township', async () => {
    const author = await ctx.db.k
      .selectFrom('users')
      .select('id')
      .where('name', '=', 'm-handler')
      .executeTakeFirstOrThrow()
    await inScope(ctx.db, 'all', (trx) =>
      trx
        .insertInto('township_notes')
        .values({ township_code: OTHER, body: 'written by the bureau', author_id: author.id, created_at: new Date() })
        .execute(),
    )
    await expect(
      inScope(ctx.db, OWN, (trx) =>
        trx
          .insertInto('township_notes')
          .values({ township_code: OTHER, body: 'smuggled', author_id: author.id, created_at: new Date() })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/)
    const seen = await inScope(ctx.db, OWN, (trx) => trx.selectFrom('township_notes').select('township_code').execute())
    expect(seen.length).toBeGreaterThan(0)
    expect(new Set(seen.map((r) => r.township_code))).toEqual(new Set([OWN]))
    const updated = await inScope(ctx.db, OWN, (trx) =>
      trx.updateTable('township_notes').set({ body: 'changed' }).where('township_code', '=', OTHER).executeTakeFirst(),
    ).catch((error: Error) => error)
    // Either refused outright (no UPDATE privilege for the scoped role) or touches no row of the other township.
    if (!(updated instanceof Error)) expect(Number(updated.numUpdatedRows)).toBe(0)
    const other = await inScope(ctx.db, 'all', (trx) =>
      trx.selectFrom('township_notes').select('body').where('township_code', '=', OTHER).execute(),
    )
    expect(other.map((r) => r.body)).not.toContain('changed')
  })

  it('a transaction that forgets to set the scope sees nothing (fail closed)', async () => {
    const rows = await ctx.db.k.transaction().execute(async (trx) => {
      if (ctx.db.superuser) await sql`set local role jd_scoped`.execute(trx)
      return trx.selectFrom('township_notes').selectAll().execute()
    })
    expect(rows).toEqual([])
  })
})
