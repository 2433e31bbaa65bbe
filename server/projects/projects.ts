/**
 * Publications. Publishing is one transaction: the content (stored once per SHA-256), the new
 * version made current, the old one no longer current, and the audit entry. A crash at any point
 * leaves the old current version or the new one, never a half (the database's atomic commit; tested
 * by killing the server mid-publish). Restoring makes a new version that points at old content.
 */
import type { ProjectVersion } from '../../src/platform/api-shapes'
import { createHash } from 'node:crypto'
import { sql, type Kysely, type Selectable } from 'kysely'
import { recordAudit } from '../audit/audit'
import type { Database, ProjectsTable } from '../db/schema'
import { ApiError } from '../errors'

/**
 * For the crash test only (tests/server/process.test.ts): with JD_FAULT_INJECT=<point>, the server
 * stops here for good, inside the transaction, and says so on stderr, so the test can kill -9 it at
 * exactly that moment. Unset (always, outside that test), this does nothing.
 */
async function faultPoint(point: string): Promise<void> {
  if (process.env.JD_FAULT_INJECT !== point) return
  process.stderr.write(`fault-inject: paused at ${point}\n`)
  await new Promise(() => {})
}

/** A published version, as the app reads it (src/platform/api-shapes.ts). */
export type VersionInfo = ProjectVersion

const info = (row: Selectable<ProjectsTable>): VersionInfo => ({
  version: row.version,
  author: row.author_name,
  createdAt: new Date(row.created_at).toISOString(),
  note: row.note,
  sha256: row.sha256,
  size: row.size,
  restoredFrom: row.restored_from,
  isCurrent: row.is_current,
})

export async function listVersions(k: Kysely<Database>, limit = 500): Promise<VersionInfo[]> {
  const rows = await k.selectFrom('projects').selectAll().orderBy('version', 'desc').limit(limit).execute()
  return rows.map(info)
}

/**
 * Contents are immutable and named by their SHA-256, so this process may keep the last few zips it
 * served: the cache can never be stale, and several app servers may each keep their own.
 */
const MAX_CACHED_BYTES = 256 * 1024 * 1024
const zipCache = new Map<string, Uint8Array>()

export async function projectFile(k: Kysely<Database>, sha256: string): Promise<Uint8Array | null> {
  const cached = zipCache.get(sha256)
  if (cached) return cached
  const row = await k.selectFrom('project_files').select('zip').where('sha256', '=', sha256).executeTakeFirst()
  if (!row) return null
  const zip = new Uint8Array(row.zip)
  if (zip.byteLength <= MAX_CACHED_BYTES) {
    let total = zip.byteLength
    for (const [key, value] of [...zipCache].reverse()) {
      total += value.byteLength
      if (total > MAX_CACHED_BYTES || zipCache.size >= 4) zipCache.delete(key)
    }
    zipCache.set(sha256, zip)
  }
  return zip
}

/** The current version's number and hash only (for ETag checks without reading the zip). */
export async function currentVersion(k: Kysely<Database>) {
  return k.selectFrom('projects').select(['version', 'sha256']).where('is_current', '=', true).executeTakeFirst()
}

export interface Author {
  userId: number
  name: string
}

async function makeCurrent(
  k: Kysely<Database>,
  values: { sha256: string; size: number; note: string; restoredFrom: number | null; zip?: Uint8Array },
  author: Author,
  now: Date,
  ip: string,
): Promise<VersionInfo> {
  return k.transaction().execute(async (trx) => {
    // Publications queue one behind another (readers are not blocked): the version numbers have
    // no gaps, even after a publication that failed or was cut off (a sequence would skip one).
    await sql`lock table projects in exclusive mode`.execute(trx)
    const previous = await trx
      .selectFrom('projects')
      .select(['version', 'sha256', 'note'])
      .where('is_current', '=', true)
      .executeTakeFirst()
    const { next } = await trx
      .selectFrom('projects')
      .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
      .executeTakeFirstOrThrow()
    if (values.zip)
      await trx
        .insertInto('project_files')
        .values({ sha256: values.sha256, zip: Buffer.from(values.zip), size: values.size })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute()
    if (previous)
      await trx.updateTable('projects').set({ is_current: false }).where('version', '=', previous.version).execute()
    const row = await trx
      .insertInto('projects')
      .values({
        version: next,
        author_id: author.userId,
        author_name: author.name,
        created_at: now,
        note: values.note,
        sha256: values.sha256,
        size: values.size,
        restored_from: values.restoredFrom,
        is_current: true,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    const created = info(row)
    await faultPoint('publish-in-transaction')
    await recordAudit(trx, {
      at: now,
      actor: author,
      kind: values.restoredFrom === null ? 'project.publish' : 'project.restore',
      target: `project/${created.version}`,
      before: previous ? { version: previous.version, sha256: previous.sha256 } : null,
      after: {
        version: created.version,
        sha256: created.sha256,
        size: created.size,
        note: created.note,
        restoredFrom: created.restoredFrom,
      },
      ip,
    })
    return created
  })
}

export async function publish(
  k: Kysely<Database>,
  zip: Uint8Array,
  note: string,
  author: Author,
  now: Date,
  ip: string,
): Promise<VersionInfo> {
  const sha256 = createHash('sha256').update(zip).digest('hex')
  return makeCurrent(k, { sha256, size: zip.byteLength, note, restoredFrom: null, zip }, author, now, ip)
}

export async function restore(
  k: Kysely<Database>,
  version: number,
  note: string,
  author: Author,
  now: Date,
  ip: string,
): Promise<VersionInfo> {
  const old = await k
    .selectFrom('projects')
    .select(['sha256', 'size'])
    .where('version', '=', version)
    .executeTakeFirst()
  if (!old) throw new ApiError(404, 'not_found', `没有第 ${version} 版`, `there is no version ${version}`)
  return makeCurrent(
    k,
    { sha256: old.sha256, size: old.size, note: note || `restored from version ${version}`, restoredFrom: version },
    author,
    now,
    ip,
  )
}
