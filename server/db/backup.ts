/**
 * A portable backup: JSON lines, the same for PGlite and PostgreSQL, so a backup from one restores
 * into the other. Line 1 is a header (format, version, the migrations applied, the tables); then
 * one line per row, `{"t": table, "r": {column: value}}`, with geometry as hex EWKB, bytea as
 * base64 and timestamps as ISO text; the last line `{"end": true, "rows": {table: count}}` proves the
 * file is whole. Taken in one repeatable-read transaction; restored in one transaction into an empty
 * database at the same migration version (the sequences are set past the restored ids).
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { sql, type Transaction } from 'kysely'
import type { Db } from './connection'
import { listMigrations } from './migrate'
import type { Database } from './schema'

export const BACKUP_FORMAT = 'jindong-db-backup'
export const BACKUP_VERSION = 1
/** Every table of record, parents before children. A test checks that it names every table in the schema. */
export const BACKUP_TABLES = [
  'townships',
  'users',
  'sessions',
  'audit_log',
  'project_files',
  'projects',
  'township_notes',
] as const
/** Tables that are not data: the migrations' own record, and PostGIS's. */
export const NOT_BACKED_UP = ['schema_migrations', 'spatial_ref_sys']

interface Column {
  name: string
  type: string
  serial: boolean
}

async function columnsOf(trx: Transaction<Database>, table: string): Promise<Column[]> {
  const { rows } = await sql<{ column_name: string; udt_name: string; column_default: string | null }>`
    select column_name, udt_name, column_default from information_schema.columns
    where table_schema = 'public' and table_name = ${table} order by ordinal_position`.execute(trx)
  return rows.map((row) => ({
    name: row.column_name,
    type: row.udt_name,
    serial: (row.column_default ?? '').startsWith('nextval('),
  }))
}

const ident = (name: string) => sql.id(name)

function exportExpression(column: Column) {
  const id = ident(column.name)
  if (column.type === 'geometry') return sql`encode(ST_AsEWKB(${id}), 'hex')`
  if (column.type === 'bytea') return sql`translate(encode(${id}, 'base64'), E'\n', '')`
  if (column.type === 'timestamptz') return sql`to_char(${id} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
  return id
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT
  version: number
  createdAt: string
  backend: string
  migrations: { version: number; checksum: string }[]
  tables: string[]
}

export async function listDataTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db.k)
  return rows.map((row) => row.table_name).filter((name) => !NOT_BACKED_UP.includes(name))
}

export async function backup(db: Db, file: string): Promise<Record<string, number>> {
  const out = createWriteStream(file, { encoding: 'utf8' })
  const write = async (value: unknown) => {
    if (!out.write(JSON.stringify(value) + '\n')) await once(out, 'drain')
  }
  const counts: Record<string, number> = {}
  try {
    await db.k
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`select set_config('app.scope', 'all', true)`.execute(trx)
        const migrations = await trx
          .selectFrom('schema_migrations')
          .select(['version', 'checksum'])
          .orderBy('version')
          .execute()
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          backend: db.kind,
          migrations,
          tables: [...BACKUP_TABLES],
        }
        await write(header)
        for (const table of BACKUP_TABLES) {
          const columns = await columnsOf(trx, table)
          const pairs = columns.flatMap((column) => [sql.lit(column.name), exportExpression(column)])
          // Each table's first column is its primary key.
          const { rows } = await sql<{ r: Record<string, unknown> }>`
            select jsonb_build_object(${sql.join(pairs)}) as r from ${ident(table)}
            order by ${ident(columns[0]!.name)}`.execute(trx)
          for (const row of rows) await write({ t: table, r: row.r })
          counts[table] = rows.length
        }
        await write({ end: true, rows: counts })
      })
  } finally {
    out.end()
    await once(out, 'close')
  }
  return counts
}

export class RestoreError extends Error {
  override name = 'RestoreError'
}

export async function restore(db: Db, file: string): Promise<Record<string, number>> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })
  const iterator = lines[Symbol.asyncIterator]()
  const first = await iterator.next()
  if (first.done) throw new RestoreError(`${file} is empty`)
  let header: BackupHeader
  try {
    header = JSON.parse(first.value) as BackupHeader
  } catch {
    throw new RestoreError(`${file} is not a backup (line 1 is not JSON)`)
  }
  if (header.format !== BACKUP_FORMAT) throw new RestoreError(`${file} is not a ${BACKUP_FORMAT} file`)
  if (header.version > BACKUP_VERSION)
    throw new RestoreError(`${file} is backup format ${header.version}; this version reads ${BACKUP_VERSION}`)
  const here = listMigrations().map((m) => `${m.version}:${m.checksum}`)
  const there = header.migrations.map((m) => `${m.version}:${m.checksum}`)
  if (here.join() !== there.join())
    throw new RestoreError(
      `the backup was taken at migrations ${header.migrations.map((m) => m.version).join(',')} and this server has ` +
        `${listMigrations()
          .map((m) => m.version)
          .join(',')}: restore with the same version, then upgrade`,
    )
  const unknown = header.tables.filter((t) => !(BACKUP_TABLES as readonly string[]).includes(t))
  if (unknown.length) throw new RestoreError(`the backup holds tables this server does not know: ${unknown.join(', ')}`)

  const counts: Record<string, number> = Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0]))
  let ended: Record<string, number> | null = null
  await db.k.transaction().execute(async (trx) => {
    await sql`select set_config('app.scope', 'all', true)`.execute(trx)
    for (const table of BACKUP_TABLES) {
      if (table === 'townships') continue
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${ident(table)}`.execute(trx)
      if (rows[0]!.n > 0)
        throw new RestoreError(`the database is not empty (${table} has ${rows[0]!.n} rows): restore into a new one`)
    }
    // The seeded townships give way to the backup's (nothing refers to them in an empty database).
    await trx.deleteFrom('townships').execute()
    const columns = new Map<string, Column[]>()
    for (const table of BACKUP_TABLES) columns.set(table, await columnsOf(trx, table))
    for (;;) {
      const next = await iterator.next()
      if (next.done) break
      if (!next.value) continue
      const line = JSON.parse(next.value) as {
        t?: string
        r?: Record<string, unknown>
        end?: boolean
        rows?: Record<string, number>
      }
      if (line.end) {
        ended = line.rows ?? {}
        break
      }
      const table = line.t as (typeof BACKUP_TABLES)[number]
      const cols = columns.get(table)
      if (!cols || !line.r) throw new RestoreError(`unexpected line in the backup: ${next.value.slice(0, 80)}`)
      const record = { ...line.r }
      const binary = cols.filter((c) => c.type === 'bytea')
      for (const column of binary) delete record[column.name]
      const names = cols.map((c) => c.name)
      const values = cols.map((c) =>
        c.type === 'bytea'
          ? sql`${Buffer.from(String(line.r![c.name] ?? ''), 'base64')}::bytea`
          : sql`r.${ident(c.name)}`,
      )
      const source = sql`jsonb_populate_record(null::${ident(table)}, ${JSON.stringify(record)}::jsonb)`
      await sql`insert into ${ident(table)} (${sql.join(names.map(ident))})
        select ${sql.join(values)} from ${source} r`.execute(trx)
      counts[table] = (counts[table] ?? 0) + 1
    }
    if (!ended) throw new RestoreError(`${file} is cut short (no end line): nothing was restored`)
    for (const table of BACKUP_TABLES)
      if ((ended[table] ?? 0) !== counts[table])
        throw new RestoreError(`${table}: the backup says ${ended[table]} rows, the file holds ${counts[table]}`)
    for (const table of BACKUP_TABLES)
      for (const column of columns.get(table)!.filter((c) => c.serial))
        await sql`select setval(pg_get_serial_sequence(${table}, ${column.name}),
          coalesce((select max(${ident(column.name)}) from ${ident(table)}), 1),
          (select count(*) > 0 from ${ident(table)}))`.execute(trx)
  })
  return counts
}
