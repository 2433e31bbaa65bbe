/**
 * `npm run db -- backup/restore`: a backup restored into an empty database reproduces every row
 * (the restored database's own backup is the same file, line for line), also across PGlite and
 * PostgreSQL when both are at hand; a damaged or foreign file, or a database that is not empty, is
 * refused with nothing restored.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backup, BACKUP_TABLES, listDataTables, restore, RestoreError } from '../../server/db/backup'
import { seedTownships } from '../../server/db/seed'
import { BACKEND, copyDatabase, openContext, type TestContext } from './support/context'
import { as, login } from './support/http'
import { projectZip } from './support/projects'

let ctx: TestContext
const folder = mkdtempSync(join(tmpdir(), 'jd-backup-'))

/** The rows of a backup file (the header's time and backend left out). */
const rowsOf = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').slice(1)

beforeAll(async () => {
  ctx = await openContext()
  await ctx.addUser('bk-admin', 'admin')
  await ctx.addUser('bk-handler', 'handler', '源东乡')
  const admin = await login(ctx.app, 'bk-admin')
  const handler = await login(ctx.app, 'bk-handler')
  for (const label of ['one', 'two']) {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: Buffer.from(projectZip(label)),
      headers: { ...as(admin), 'content-type': 'application/zip', 'x-note': encodeURIComponent(`版本 ${label}`) },
    })
    expect(response.statusCode).toBe(201)
  }
  await ctx.app.inject({ method: 'POST', url: '/api/projects/1/restore', headers: as(admin) })
  const note = await ctx.app.inject({
    method: 'POST',
    url: '/api/townships/330703200/notes',
    payload: { body: '河道巡查：\n"quotes", \\backslash\\, <tag>, emoji 😀' },
    headers: as(handler),
  })
  expect(note.statusCode).toBe(201)
})
afterAll(() => ctx?.close())

describe('backup and restore', () => {
  it('names every table of the schema (a new table must be added to the backup)', async () => {
    expect((await listDataTables(ctx.db)).sort()).toEqual([...BACKUP_TABLES].sort())
  })

  it('restores into an empty database every row, and the restored database backs up to the same rows', async () => {
    const first = join(folder, 'first.jsonl')
    const counts = await backup(ctx.db, first)
    expect(counts).toMatchObject({ townships: 11, users: 2, projects: 3, project_files: 2, township_notes: 1 })
    expect(counts.audit_log).toBeGreaterThan(5)
    const target = await copyDatabase()
    const db = await target.open()
    try {
      expect(await restore(db, first)).toEqual(counts)
      const second = join(folder, 'second.jsonl')
      await backup(db, second)
      expect(rowsOf(second)).toEqual(rowsOf(first))
      // The sequences continue after the restored ids.
      const next = await db.k
        .insertInto('audit_log')
        .values({
          at: new Date(),
          kind: 'test.after_restore',
          actor_id: null,
          actor_name: null,
          target: null,
          before: null,
          after: null,
          ip: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      expect(Number(next.id)).toBe(counts.audit_log! + 1)
    } finally {
      await db.close()
      await target.drop()
    }
  })

  it('crosses between PGlite and PostgreSQL (when TEST_DATABASE_URL is set)', async (context) => {
    if (!process.env.TEST_DATABASE_URL) return context.skip()
    const other = BACKEND === 'pglite' ? 'postgres' : 'pglite'
    const first = join(folder, 'cross-1.jsonl')
    await backup(ctx.db, first)
    const target = await copyDatabase(other)
    const db = await target.open()
    try {
      await restore(db, first)
      const second = join(folder, 'cross-2.jsonl')
      await backup(db, second)
      expect(rowsOf(second)).toEqual(rowsOf(first))
      expect(JSON.parse(readFileSync(second, 'utf8').split('\n')[0]!).backend).toBe(other)
    } finally {
      await db.close()
      await target.drop()
    }
  })

  it('refuses a database that is not empty, a file cut short, a foreign file, another schema version', async () => {
    const good = join(folder, 'good.jsonl')
    await backup(ctx.db, good)
    await expect(restore(ctx.db, good)).rejects.toThrow(/not empty/)
    const lines = readFileSync(good, 'utf8').trimEnd().split('\n')
    const cut = join(folder, 'cut.jsonl')
    writeFileSync(cut, lines.slice(0, -3).join('\n') + '\n')
    const foreign = join(folder, 'foreign.jsonl')
    writeFileSync(foreign, '{"hello":"world"}\n')
    const older = join(folder, 'older.jsonl')
    const header = JSON.parse(lines[0]!)
    header.migrations = header.migrations.slice(0, -1)
    writeFileSync(older, [JSON.stringify(header), ...lines.slice(1)].join('\n') + '\n')
    const target = await copyDatabase()
    const db = await target.open()
    try {
      await expect(restore(db, cut)).rejects.toThrow(/cut short/)
      await expect(restore(db, foreign)).rejects.toBeInstanceOf(RestoreError)
      await expect(restore(db, older)).rejects.toThrow(/migrations/)
      // Nothing was restored by the refused attempts: the seeded townships are still there, no users.
      expect(await db.k.selectFrom('users').select('id').execute()).toEqual([])
      expect(await seedTownships(db)).toBe(0)
    } finally {
      await db.close()
      await target.drop()
    }
  })
})
