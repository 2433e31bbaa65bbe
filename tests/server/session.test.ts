/** Logging in and out: cookies, fixation, expiry, CSRF, lockout, rate limit, password rules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openContext, PASSWORD, TEST_COST, type TestContext } from './support/context'
import { as, cookieOf, login } from './support/http'
import { createUser, UserError } from '../../server/session/users'
import { hashPassword, verifyPassword, passwordProblem } from '../../server/session/passwords'

let ctx: TestContext

beforeAll(async () => {
  ctx = await openContext({ LOGIN_MAX_FAILURES: '10', LOCK_SECONDS: '900', SESSION_TTL: '3600' })
  await ctx.addUser('alice', 'admin')
  await ctx.addUser('victor', 'viewer')
  await ctx.addUser('hank', 'handler', '曹宅镇')
})
afterAll(() => ctx?.close())

describe('POST/GET/DELETE /api/session', () => {
  it('logs in with an HttpOnly, SameSite=Lax cookie and answers who is logged in', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { name: 'hank', password: PASSWORD },
    })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({ name: 'hank', role: 'handler', township: { code: '330703103', name: '曹宅镇' } })
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const setCookie = String(response.headers['set-cookie'])
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).not.toMatch(/Secure/i)
    const cookie = cookieOf(response.headers['set-cookie'])
    const me = await ctx.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `jd_session=${cookie}` } })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ name: 'hank', role: 'handler', csrfToken: body.csrfToken })
    expect(me.headers['cache-control']).toBe('no-store')
  })

  it('marks the cookie Secure when the request came through https (behind a proxy)', async () => {
    const proxied = await ctx.appWith({ TRUST_PROXY: 'true' })
    await ctx.addUser('sam', 'viewer')
    const response = await proxied.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { name: 'sam', password: PASSWORD },
    })
    expect(String(response.headers['set-cookie'])).toMatch(/Secure/)
    const configured = await ctx.appWith({ COOKIE_SECURE: 'true' })
    const direct = await configured.inject({
      method: 'POST',
      url: '/api/session',
      payload: { name: 'sam', password: PASSWORD },
    })
    expect(String(direct.headers['set-cookie'])).toMatch(/Secure/)
  })

  it('answers 401 to GET without a session, with a bilingual JSON error', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/session' })
    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ error: 'unauthenticated' })
    expect(response.json().zh).toMatch(/登录/)
    expect(response.json().en).toMatch(/log in/)
  })

  it('refuses a wrong password and an unknown name alike', async () => {
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { name: 'victor', password: 'nope-12345678' },
    })
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { name: 'nobody', password: 'nope-12345678' },
    })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json().error).toBe(unknown.json().error)
    expect(wrong.headers['set-cookie']).toBeUndefined()
  })

  it('logs out with the CSRF token: the cookie no longer works', async () => {
    const agent = await login(ctx.app, 'victor')
    const out = await ctx.app.inject({ method: 'DELETE', url: '/api/session', headers: as(agent) })
    expect(out.statusCode).toBe(204)
    const me = await ctx.app.inject({ method: 'GET', url: '/api/session', headers: as(agent) })
    expect(me.statusCode).toBe(401)
  })

  it('refuses a state change without or with a wrong CSRF token (403), and changes nothing', async () => {
    const agent = await login(ctx.app, 'victor')
    const missing = await ctx.app.inject({ method: 'DELETE', url: '/api/session', headers: as(agent, null) })
    expect(missing.statusCode).toBe(403)
    expect(missing.json().error).toBe('csrf_mismatch')
    const other = await login(ctx.app, 'alice')
    const wrong = await ctx.app.inject({ method: 'DELETE', url: '/api/session', headers: as(agent, other.csrf) })
    expect(wrong.statusCode).toBe(403)
    const still = await ctx.app.inject({ method: 'GET', url: '/api/session', headers: as(agent) })
    expect(still.statusCode).toBe(200)
  })

  it('never honours a session id fixed before login', async () => {
    const planted = 'A'.repeat(43)
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { cookie: `jd_session=${planted}` },
      payload: { name: 'victor', password: PASSWORD },
    })
    expect(response.statusCode).toBe(200)
    const issued = cookieOf(response.headers['set-cookie'])
    expect(issued).not.toBe(planted)
    const withPlanted = await ctx.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `jd_session=${planted}` },
    })
    expect(withPlanted.statusCode).toBe(401)
  })

  it("ends an attacker's own session planted in a victim's browser when the victim logs in", async () => {
    const attacker = await login(ctx.app, 'victor')
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { cookie: `jd_session=${attacker.cookie}` },
      payload: { name: 'alice', password: PASSWORD },
    })
    expect(response.statusCode).toBe(200)
    expect(cookieOf(response.headers['set-cookie'])).not.toBe(attacker.cookie)
    const old = await ctx.app.inject({ method: 'GET', url: '/api/session', headers: as(attacker) })
    expect(old.statusCode).toBe(401)
  })

  it('expires a session after SESSION_TTL', async () => {
    const agent = await login(ctx.app, 'victor')
    ctx.clock.advance(3599)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/session', headers: as(agent) })).statusCode).toBe(200)
    ctx.clock.advance(2)
    const expired = await ctx.app.inject({ method: 'GET', url: '/api/session', headers: as(agent) })
    expect(expired.statusCode).toBe(401)
    const change = await ctx.app.inject({ method: 'DELETE', url: '/api/session', headers: as(agent) })
    expect(change.statusCode).toBe(401)
  })
})

describe('lockout', () => {
  it('locks an account after 10 wrong passwords in a row (20 tried), then unlocks after the wait', async () => {
    await ctx.addUser('lucy', 'viewer')
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { name: 'lucy', password: `wrong-guess-${i}` },
      })
      statuses.push(response.statusCode)
    }
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401))
    expect(statuses.slice(9)).toEqual(Array(11).fill(423))
    const locked = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { name: 'lucy', password: PASSWORD },
    })
    expect(locked.statusCode).toBe(423)
    expect(locked.json().error).toBe('account_locked')
    expect(locked.json().zh).toMatch(/锁定/)
    ctx.clock.advance(899)
    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/session', payload: { name: 'lucy', password: PASSWORD } }))
        .statusCode,
    ).toBe(423)
    ctx.clock.advance(2)
    const open = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { name: 'lucy', password: PASSWORD },
    })
    expect(open.statusCode).toBe(200)
    const audit = await ctx.db.k.selectFrom('audit_log').select('kind').where('target', '=', 'lucy').execute()
    expect(audit.map((a) => a.kind)).toContain('user.lock')
  })

  it('a success resets the count of failures', async () => {
    await ctx.addUser('rita', 'viewer')
    for (let i = 0; i < 9; i++)
      await ctx.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { name: 'rita', password: `wrong-${i}-xx` },
      })
    await login(ctx.app, 'rita')
    const after = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { name: 'rita', password: 'wrong-again-1' },
    })
    expect(after.statusCode).toBe(401)
  })

  it('rate-limits login attempts per client address (429)', async () => {
    const limited = await ctx.appWith({ LOGIN_RATE_PER_MINUTE: '5' })
    const statuses: number[] = []
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await limited.inject({ method: 'POST', url: '/api/session', payload: { name: 'x', password: 'y' } }))
          .statusCode,
      )
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(401))
    expect(statuses.slice(5)).toEqual([429, 429])
    const body = (
      await limited.inject({ method: 'POST', url: '/api/session', payload: { name: 'x', password: 'y' } })
    ).json()
    expect(body.error).toBe('rate_limited')
  })
})

describe('passwords and accounts', () => {
  it('hashes with scrypt and a salt, and verifies', async () => {
    const a = await hashPassword('same-password-1', TEST_COST)
    const b = await hashPassword('same-password-1', TEST_COST)
    expect(a).not.toBe(b)
    expect(a).toMatch(/^scrypt\$4096\$8\$1\$/)
    expect(await verifyPassword('same-password-1', a)).toBe(true)
    expect(await verifyPassword('same-password-2', a)).toBe(false)
  })

  it('states the rules in the refusal', async () => {
    expect(passwordProblem('short1', 'bob')?.zh).toMatch(/至少 10 个字符/)
    expect(passwordProblem('onlyletters-here', 'bob')?.en).toMatch(/a letter and a digit/)
    expect(passwordProblem('bob-is-1234567', 'bob')?.en).toMatch(/user name/)
    expect(passwordProblem('a-good-one-42', 'bob')).toBeNull()
    await expect(
      createUser(ctx.db.k, { name: 'weak', role: 'viewer', password: 'abc' }, { userId: null, name: 't' }),
    ).rejects.toBeInstanceOf(UserError)
    const rules = await ctx.app.inject({ method: 'GET', url: '/api/password-rules' })
    expect(rules.json().minLength).toBe(10)
  })

  it('binds a handler to a township by name or code, and only a handler', async () => {
    const by = { userId: null, name: 't' }
    await expect(createUser(ctx.db.k, { name: 'h2', role: 'handler', password: PASSWORD }, by)).rejects.toThrow(
      /township/,
    )
    await expect(
      createUser(ctx.db.k, { name: 'h3', role: 'handler', township: '火星镇', password: PASSWORD }, by),
    ).rejects.toThrow(/no township/)
    await expect(
      createUser(ctx.db.k, { name: 'v2', role: 'viewer', township: '曹宅镇', password: PASSWORD }, by),
    ).rejects.toThrow(/only a handler/)
    const h4 = await createUser(
      ctx.db.k,
      { name: 'h4', role: 'handler', township: '330703200', password: PASSWORD },
      by,
      new Date(),
      TEST_COST,
    )
    expect(h4.township).toBe('330703200')
  })

  it('a disabled account cannot log in and its sessions end', async () => {
    await ctx.addUser('dora', 'viewer')
    const agent = await login(ctx.app, 'dora')
    const { disableUser } = await import('../../server/session/users')
    await disableUser(ctx.db.k, 'dora', { userId: null, name: 'test' })
    expect((await ctx.app.inject({ method: 'GET', url: '/api/session', headers: as(agent) })).statusCode).toBe(401)
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { name: 'dora', password: PASSWORD },
    })
    expect(again.statusCode).toBe(401)
  })
})
