/**
 * Numbered plain-SQL migrations (server/db/migrations/NNN_name.sql), run in order at start, each in
 * its own transaction with its row in schema_migrations (version, name, checksum). An applied file
 * whose text changed stops the server: migrations are never edited, only added. On PostgreSQL an
 * advisory lock keeps two servers starting together from migrating twice.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { Db } from './connection'

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations')
const LOCK_ID = 220_022

export interface Migration {
  version: number
  name: string
  sql: string
  checksum: string
}

const listed = new Map<string, Migration[]>()

/** The migration files (read once per folder: they do not change while the process runs). */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const known = listed.get(dir)
  if (known) return known
  const migrations = readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8')
      return {
        version: Number(file.slice(0, 3)),
        name: file.slice(4, -4),
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      }
    })
  listed.set(dir, migrations)
  return migrations
}

export class MigrationError extends Error {
  override name = 'MigrationError'
}

async function applied(db: Db): Promise<Map<number, string>> {
  const rows = await db.k.selectFrom('schema_migrations').select(['version', 'checksum']).execute()
  return new Map(rows.map((row) => [row.version, row.checksum]))
}

/** Runs what is missing; returns the versions it applied. */
export async function migrate(db: Db, migrations = listMigrations()): Promise<number[]> {
  await sql`create table if not exists schema_migrations (
    version integer primary key, name text not null, checksum text not null, applied_at timestamptz not null
  )`.execute(db.k)
  const done: number[] = []
  for (const migration of migrations) {
    const ran = await db.k.transaction().execute(async (trx) => {
      if (db.kind === 'postgres') await sql`select pg_advisory_xact_lock(${LOCK_ID})`.execute(trx)
      const row = await trx
        .selectFrom('schema_migrations')
        .select('checksum')
        .where('version', '=', migration.version)
        .executeTakeFirst()
      if (row) {
        if (row.checksum !== migration.checksum)
          throw new MigrationError(
            `migration ${migration.version}_${migration.name} was changed after it was applied: add a new one instead`,
          )
        return false
      }
      await sql.raw(migration.sql).execute(trx)
      await trx
        .insertInto('schema_migrations')
        .values({
          version: migration.version,
          name: migration.name,
          checksum: migration.checksum,
          applied_at: new Date(),
        })
        .execute()
      return true
    })
    if (ran) done.push(migration.version)
  }
  return done
}

/** Whether every migration file is applied (and none is unknown to this build). */
export async function migrationState(
  db: Db,
  migrations = listMigrations(),
): Promise<{ current: boolean; applied: number; latest: number }> {
  const have = await applied(db)
  const latest = Math.max(0, ...migrations.map((m) => m.version))
  const current = migrations.every((m) => have.get(m.version) === m.checksum) && Math.max(0, ...have.keys()) <= latest
  return { current, applied: Math.max(0, ...have.keys()), latest }
}
