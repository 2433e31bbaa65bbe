/** /api/session: log in (POST), who am I (GET), log out (DELETE); /api/password-rules for the form. */
import { Type } from 'typebox'
import type { App } from '../app'
import { ErrorSchema, NO_CONTROL, NO_NUL, unauthenticated } from '../errors'
import { PASSWORD_RULES } from './passwords'
import { SESSION_COOKIE, login, logout, type SessionInfo } from './sessions'

const SessionSchema = Type.Object(
  {
    name: Type.String(),
    role: Type.Union([
      Type.Literal('admin'),
      Type.Literal('dispatcher'),
      Type.Literal('inspector'),
      Type.Literal('handler'),
      Type.Literal('viewer'),
    ]),
    township: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
    csrfToken: Type.String({ description: 'send it back in X-CSRF-Token on every state-changing request' }),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Session' },
)

const view = (session: SessionInfo) => ({
  name: session.actor.name,
  role: session.actor.role,
  township:
    session.actor.township && session.townshipName
      ? { code: session.actor.township, name: session.townshipName }
      : null,
  csrfToken: session.csrfToken,
  expiresAt: session.expiresAt.toISOString(),
})

export async function sessionRoutes(app: App) {
  const settings = app.settings
  const cookieOptions = (secure: boolean, maxAge: number) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    maxAge,
  })

  app.post(
    '/api/session',
    {
      config: {
        action: 'session.create',
        rateLimit: { max: settings.loginRatePerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['session'],
        summary: 'Log in: a new session (cookie) and its CSRF token',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 64, pattern: NO_CONTROL }),
            password: Type.String({ minLength: 1, maxLength: 1024, pattern: NO_NUL }),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionSchema, 401: ErrorSchema, 423: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { cookie, session } = await login(
        app.db.k,
        { ...request.body, ip: request.ip, previousCookie: request.cookies[SESSION_COOKIE] },
        {
          ttlSeconds: settings.sessionTtlSeconds,
          maxFailures: settings.loginMaxFailures,
          lockSeconds: settings.lockSeconds,
          cost: app.scryptCost,
        },
        app.clock(),
      )
      request.auth = session
      reply.setCookie(
        SESSION_COOKIE,
        cookie,
        cookieOptions(settings.cookieSecure || request.protocol === 'https', settings.sessionTtlSeconds),
      )
      return view(session)
    },
  )

  app.get(
    '/api/session',
    {
      config: { action: 'session.read' },
      schema: {
        tags: ['session'],
        summary: 'Who is logged in (401 when nobody)',
        response: { 200: SessionSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      if (!request.auth) throw unauthenticated()
      return view(request.auth)
    },
  )

  app.delete(
    '/api/session',
    {
      config: { action: 'session.delete' },
      schema: {
        tags: ['session'],
        summary: 'Log out (needs X-CSRF-Token)',
        response: { 204: Type.Null(), 401: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (request, reply) => {
      if (!request.auth) throw unauthenticated()
      await logout(app.db.k, request.auth, request.ip, app.clock())
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/api/password-rules',
    {
      config: { action: 'health.read' },
      schema: {
        tags: ['session'],
        summary: 'The password rules, to show in a form',
        response: {
          200: Type.Object({
            minLength: Type.Integer(),
            maxLength: Type.Integer(),
            zh: Type.String(),
            en: Type.String(),
          }),
        },
      },
    },
    async () => PASSWORD_RULES,
  )
}
