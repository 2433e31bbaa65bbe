/**
 * The database of record: PostgreSQL through `pg` when DATABASE_URL is set, else the embedded
 * PGlite (with PostGIS) in DATA_DIR. One Kysely instance over either; `superuser` tells the
 * township scope whether it must switch role for row-level security to bind (server/db/scope.ts).
 */
import { mkdirSync } from 'node:fs'
import { Kysely, PostgresDialect, sql } from 'kysely'
import type { Database } from './schema'
import { PGliteDialect } from './pglite-dialect'

export type DbKind = 'pglite' | 'postgres'

export interface Db {
  kind: DbKind
  k: Kysely<Database>
  /** Connected as a superuser (PGlite always is): township-scoped transactions SET LOCAL ROLE jd_scoped. */
  superuser: boolean
  close(): Promise<void>
}

export interface DbOptions {
  databaseUrl: string
  dataDir: string
  /** Connections in the pg pool. */
  poolSize?: number
}

export async function openDatabase(options: DbOptions): Promise<Db> {
  let k: Kysely<Database>
  let kind: DbKind
  if (options.databaseUrl) {
    const pg = await import('pg')
    // int8 (counts, bigserial ids) as numbers: they stay far below 2^53 here.
    pg.default.types.setTypeParser(20, (value: string) => Number(value))
    const pool = new pg.default.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 })
    k = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    kind = 'postgres'
  } else {
    mkdirSync(options.dataDir, { recursive: true })
    const { PGlite } = await import('@electric-sql/pglite')
    const { postgis } = await import('@electric-sql/pglite-postgis')
    const pg = await PGlite.create(options.dataDir, { extensions: { postgis } })
    k = new Kysely<Database>({ dialect: new PGliteDialect(pg) })
    kind = 'pglite'
  }
  const { rows } = await sql<{ rolsuper: boolean }>`select rolsuper from pg_roles where rolname = current_user`.execute(k)
  return { kind, k, superuser: rows[0]?.rolsuper === true, close: () => k.destroy() }
}
