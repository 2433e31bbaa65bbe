/**
 * Accounts: create, list, disable, reset a password. Each change is audited in its own transaction.
 * Used by the command line (server/session/cli.ts) and by tests; the login path is in sessions.ts.
 */
import type { Kysely } from 'kysely'
import { recordAudit } from '../audit/audit'
import type { Database, Role } from '../db/schema'
import { ROLES } from '../db/schema'
import { hashPassword, passwordProblem, type ScryptCost } from './passwords'

export class UserError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    en: string,
  ) {
    super(en)
    this.name = 'UserError'
  }
}

export const USER_NAME = /^[\p{L}\p{N}_.@-]{1,64}$/u

export interface NewUser {
  name: string
  role: Role
  /** A township's code or name (handlers only). */
  township?: string | null
  password: string
}

export interface Operator {
  userId: number | null
  name: string
}

export async function findTownship(k: Kysely<Database>, codeOrName: string) {
  return k
    .selectFrom('townships')
    .select(['code', 'name'])
    .where((eb) => eb.or([eb('code', '=', codeOrName), eb('name', '=', codeOrName)]))
    .executeTakeFirst()
}

export async function createUser(
  k: Kysely<Database>,
  user: NewUser,
  by: Operator,
  now = new Date(),
  cost?: ScryptCost,
): Promise<{ id: number; name: string; role: Role; township: string | null }> {
  if (!USER_NAME.test(user.name))
    throw new UserError(
      'invalid_name',
      '用户名须为 1–64 个字母、数字或 _ . @ -',
      'a user name is 1–64 letters, digits or _ . @ -',
    )
  if (!ROLES.includes(user.role))
    throw new UserError('invalid_role', `角色须为 ${ROLES.join('、')}`, `role must be one of ${ROLES.join(', ')}`)
  let township: string | null = null
  if (user.role === 'handler') {
    if (!user.township)
      throw new UserError('township_required', '处置人员须指定乡镇（--township）', 'a handler needs --township')
    const found = await findTownship(k, user.township)
    if (!found)
      throw new UserError('unknown_township', `没有名为 ${user.township} 的乡镇`, `no township ${user.township}`)
    township = found.code
  } else if (user.township) {
    throw new UserError('township_not_allowed', '只有处置人员绑定乡镇', 'only a handler is bound to a township')
  }
  const problem = passwordProblem(user.password, user.name)
  if (problem) throw new UserError('weak_password', problem.zh, problem.en)
  const passwordHash = await hashPassword(user.password, cost)
  return k.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('users').select('id').where('name', '=', user.name).executeTakeFirst()
    if (exists) throw new UserError('name_taken', `用户 ${user.name} 已存在`, `user ${user.name} already exists`)
    const row = await trx
      .insertInto('users')
      .values({
        name: user.name,
        role: user.role,
        township_code: township,
        password_hash: passwordHash,
        created_at: now,
        password_changed_at: now,
      })
      .returning(['id', 'name', 'role', 'township_code'])
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      at: now,
      actor: by,
      kind: 'user.add',
      target: user.name,
      after: { name: row.name, role: row.role, township: row.township_code },
    })
    return { id: row.id, name: row.name, role: row.role, township: row.township_code }
  })
}

export async function listUsers(k: Kysely<Database>) {
  return k
    .selectFrom('users')
    .leftJoin('townships', 'townships.code', 'users.township_code')
    .select([
      'users.name',
      'users.role',
      'users.township_code',
      'townships.name as township_name',
      'users.disabled',
      'users.locked_until',
      'users.created_at',
    ])
    .orderBy('users.name')
    .execute()
}

async function changeUser(
  k: Kysely<Database>,
  name: string,
  by: Operator,
  now: Date,
  kind: string,
  change: { disabled?: boolean; password_hash?: string },
) {
  await k.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select(['id', 'disabled'])
      .where('name', '=', name)
      .forUpdate()
      .executeTakeFirst()
    if (!before) throw new UserError('unknown_user', `没有用户 ${name}`, `no user ${name}`)
    await trx
      .updateTable('users')
      .set({
        ...change,
        ...(change.password_hash ? { password_changed_at: now, failed_logins: 0, locked_until: null } : {}),
      })
      .where('id', '=', before.id)
      .execute()
    // A disabled account or a new password ends every session of that person.
    await trx.deleteFrom('sessions').where('user_id', '=', before.id).execute()
    await recordAudit(trx, {
      at: now,
      actor: by,
      kind,
      target: name,
      before: { disabled: before.disabled },
      after: change.disabled === undefined ? { password: 'changed' } : { disabled: change.disabled },
    })
  })
}

export const disableUser = (k: Kysely<Database>, name: string, by: Operator, now = new Date()) =>
  changeUser(k, name, by, now, 'user.disable', { disabled: true })

export const enableUser = (k: Kysely<Database>, name: string, by: Operator, now = new Date()) =>
  changeUser(k, name, by, now, 'user.enable', { disabled: false })

export async function resetPassword(
  k: Kysely<Database>,
  name: string,
  password: string,
  by: Operator,
  now = new Date(),
  cost?: ScryptCost,
) {
  const problem = passwordProblem(password, name)
  if (problem) throw new UserError('weak_password', problem.zh, problem.en)
  await changeUser(k, name, by, now, 'user.reset_password', { password_hash: await hashPassword(password, cost) })
}
