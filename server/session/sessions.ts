/**
 * Server-side sessions. The cookie carries 32 random bytes; the table keeps their SHA-256, the CSRF
 * token, and an absolute expiry. A login always makes a new id (a session id planted before login is
 * never honoured after) and counts wrong passwords: LOGIN_MAX_FAILURES in a row lock the account for
 * LOCK_SECONDS. Times come from the caller's clock, so tests move time instead of waiting.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import { recordAudit } from '../audit/audit'
import type { Database } from '../db/schema'
import { ApiError } from '../errors'
import type { Actor } from '../../src/domain/access/policy'
import { dummyHash, verifyPassword, type ScryptCost } from './passwords'

export const SESSION_COOKIE = 'jd_session'

export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('hex')
const newToken = () => randomBytes(32).toString('base64url')

export interface SessionInfo {
  actor: Actor
  csrfToken: string
  idHash: string
  expiresAt: Date
  townshipName: string | null
}

export async function findSession(k: Kysely<Database>, cookie: string, now: Date): Promise<SessionInfo | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(cookie)) return null
  const idHash = hashSessionId(cookie)
  const row = await k
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('townships', 'townships.code', 'users.township_code')
    .select([
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id',
      'users.name',
      'users.role',
      'users.township_code',
      'townships.name as township_name',
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled', '=', false)
    .executeTakeFirst()
  if (!row) return null
  return {
    actor: { userId: row.id, name: row.name, role: row.role, township: row.township_code },
    csrfToken: row.csrf_token,
    idHash,
    expiresAt: new Date(row.expires_at),
    townshipName: row.township_name,
  }
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

export interface LoginPolicy {
  ttlSeconds: number
  maxFailures: number
  lockSeconds: number
  cost?: ScryptCost
}

const invalid = () => new ApiError(401, 'invalid_credentials', '用户名或密码错误', 'wrong user name or password')
const locked = (until: Date, now: Date) =>
  new ApiError(
    423,
    'account_locked',
    `密码错误次数过多，账户已锁定，请于 ${Math.ceil((until.getTime() - now.getTime()) / 60000)} 分钟后再试`,
    `too many wrong passwords: the account is locked; try again in ${Math.ceil(
      (until.getTime() - now.getTime()) / 60000,
    )} min`,
    { lockedUntil: until.toISOString() },
  )

/** Checks the password and opens a new session; `previousCookie` (if any) is ended first. */
export async function login(
  k: Kysely<Database>,
  input: { name: string; password: string; ip: string; previousCookie?: string },
  policy: LoginPolicy,
  now: Date,
): Promise<{ cookie: string; session: SessionInfo }> {
  const user = await k
    .selectFrom('users')
    .select(['id', 'name', 'role', 'township_code', 'password_hash', 'disabled', 'failed_logins', 'locked_until'])
    .where('name', '=', input.name)
    .executeTakeFirst()
  if (!user || user.disabled) {
    await verifyPassword(input.password, await dummyHash(policy.cost))
    await recordAudit(k, {
      at: now,
      actor: null,
      kind: 'session.login_failed',
      target: input.name,
      after: { reason: user ? 'disabled' : 'unknown user' },
      ip: input.ip,
    })
    throw invalid()
  }
  if (user.locked_until && new Date(user.locked_until) > now) throw locked(new Date(user.locked_until), now)
  const ok = await verifyPassword(input.password, user.password_hash)
  if (!ok) {
    const lockNow = user.failed_logins + 1 >= policy.maxFailures
    const until = new Date(now.getTime() + policy.lockSeconds * 1000)
    await k.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set(
          lockNow
            ? { failed_logins: 0, locked_until: until }
            : (eb) => ({ failed_logins: eb('failed_logins', '+', 1) }),
        )
        .where('id', '=', user.id)
        .execute()
      await recordAudit(trx, {
        at: now,
        actor: null,
        kind: lockNow ? 'user.lock' : 'session.login_failed',
        target: user.name,
        after: lockNow ? { lockedUntil: until.toISOString() } : { reason: 'wrong password' },
        ip: input.ip,
      })
    })
    if (lockNow) throw locked(until, now)
    throw invalid()
  }
  const cookie = newToken()
  const csrfToken = newToken()
  const expiresAt = new Date(now.getTime() + policy.ttlSeconds * 1000)
  await k.transaction().execute(async (trx) => {
    if (input.previousCookie)
      await trx.deleteFrom('sessions').where('id_hash', '=', hashSessionId(input.previousCookie)).execute()
    // Expired sessions (anyone's) go at each login, through the index on expires_at: the table stays small.
    await trx.deleteFrom('sessions').where('expires_at', '<=', now).execute()
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute()
    await trx
      .insertInto('sessions')
      .values({
        id_hash: hashSessionId(cookie),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now,
        expires_at: expiresAt,
      })
      .execute()
    await recordAudit(trx, {
      at: now,
      actor: { userId: user.id, name: user.name },
      kind: 'session.login',
      target: user.name,
      after: { expiresAt: expiresAt.toISOString() },
      ip: input.ip,
    })
  })
  const session = await findSession(k, cookie, now)
  if (!session) throw new Error('the new session cannot be read back')
  return { cookie, session }
}

export async function logout(k: Kysely<Database>, session: SessionInfo, ip: string, now: Date) {
  await k.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id_hash', '=', session.idHash).execute()
    await recordAudit(trx, {
      at: now,
      actor: { userId: session.actor.userId, name: session.actor.name },
      kind: 'session.logout',
      target: session.actor.name,
      ip,
    })
  })
}
