/**
 * A transaction limited to a township (row-level security, migration 005). Every query on a
 * township-owned table runs inside `inScope`: it sets `app.scope` for this transaction only ('all'
 * or one township code) and, when connected as a superuser (who bypasses every policy), switches to
 * the unprivileged role jd_scoped for the transaction. A query that forgets the scope sees no rows.
 */
import { sql, type Transaction } from 'kysely'
import type { Db } from './connection'
import type { Database } from './schema'

export async function inScope<T>(db: Db, scope: 'all' | string, work: (trx: Transaction<Database>) => Promise<T>) {
  return db.k.transaction().execute(async (trx) => {
    await sql`select set_config('app.scope', ${scope}, true)`.execute(trx)
    if (db.superuser) await sql`set local role jd_scoped`.execute(trx)
    return work(trx)
  })
}
