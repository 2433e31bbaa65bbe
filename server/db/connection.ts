/**
 * The database of record: PostgreSQL through `pg` when DATABASE_URL is set, else the embedded
 * PGlite (with PostGIS) in DATA_DIR. One Kysely instance over either; `superuser` tells the
 * township scope whether it must switch role for row-level security to bind (server/db/scope.ts).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError'
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * PGlite's data folder belongs to one process at a time: `<DATA_DIR>.lock` holds the owner's pid.
 * A lock whose process is gone (killed, crashed) is taken over.
 */
function takeLock(dataDir: string): () => void {
  const file = `${dataDir}.lock`
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' })
  } catch {
    const owner = Number(readFileSync(file, 'utf8'))
    if (owner && owner !== process.pid && alive(owner))
      throw new DatabaseBusyError(
        `${dataDir} is open in process ${owner} (the server?): stop it first, PGlite serves one process at a time`,
      )
    writeFileSync(file, String(process.pid))
  }
  return () => rmSync(file, { force: true })
}

export async function openDatabase(options: DbOptions): Promise<Db> {
  let k: Kysely<Database>
  let kind: DbKind
  let releaseLock = () => {}
  if (options.databaseUrl) {
    const pg = await import('pg')
    // int8 (counts, bigserial ids) as numbers: they stay far below 2^53 here.
    pg.default.types.setTypeParser(20, (value: string) => Number(value))
    const pool = new pg.default.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 })
    k = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    kind = 'postgres'
  } else {
    mkdirSync(options.dataDir, { recursive: true })
    releaseLock = takeLock(options.dataDir)
    const { PGlite } = await import('@electric-sql/pglite')
    const { postgis } = await import('@electric-sql/pglite-postgis')
    let pg
    try {
      pg = await PGlite.create(options.dataDir, { extensions: { postgis } })
    } catch (error) {
      releaseLock()
      throw error
    }
    k = new Kysely<Database>({ dialect: new PGliteDialect(pg) })
    kind = 'pglite'
  }
  const { rows } = await sql<{ rolsuper: boolean }>`select rolsuper from pg_roles where rolname = current_user`.execute(
    k,
  )
  return {
    kind,
    k,
    superuser: rows[0]?.rolsuper === true,
    close: async () => {
      await k.destroy()
      releaseLock()
    },
  }
}
