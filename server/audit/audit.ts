/**
 * The audit log's two doors: `recordAudit` (inside the transaction that makes the change, so both
 * happen or neither) and `queryAudit` for admins. The table refuses UPDATE/DELETE (migration 003).
 */
import type { AuditEntry as AuditEntryRead } from '../../src/platform/api-shapes'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'

export interface AuditEntry {
  at: Date
  actor: { userId: number | null; name: string | null } | null
  kind: string
  target?: string | null
  before?: unknown
  after?: unknown
  ip?: string | null
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value))

export async function recordAudit(trx: Transaction<Database> | Kysely<Database>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_id: entry.actor?.userId ?? null,
      actor_name: entry.actor?.name ?? null,
      kind: entry.kind,
      target: entry.target ?? null,
      before: json(entry.before),
      after: json(entry.after),
      ip: entry.ip ?? null,
    })
    .execute()
}

export interface AuditFilter {
  person?: string
  kind?: string
  from?: Date
  to?: Date
  /** Entries with an id below this (paging backwards). */
  before?: number
  limit: number
}

/** An audit entry, as the app reads it (src/platform/api-shapes.ts). */
export type AuditRow = AuditEntryRead

export async function queryAudit(k: Kysely<Database>, filter: AuditFilter): Promise<AuditRow[]> {
  let query = k.selectFrom('audit_log').selectAll()
  if (filter.person !== undefined) query = query.where('actor_name', '=', filter.person)
  if (filter.kind !== undefined)
    query = filter.kind.includes('.')
      ? query.where('kind', '=', filter.kind)
      : query.where('kind', 'like', `${filter.kind.replace(/[\\%_]/g, '\\$&')}.%`)
  if (filter.from) query = query.where('at', '>=', filter.from)
  if (filter.to) query = query.where('at', '<=', filter.to)
  if (filter.before !== undefined) query = query.where('id', '<', filter.before as never)
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute()
  return rows.map((row) => ({
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    actor: row.actor_name,
    kind: row.kind,
    target: row.target,
    before: row.before ?? null,
    after: row.after ?? null,
    ip: row.ip,
  }))
}
