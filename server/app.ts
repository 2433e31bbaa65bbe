/**
 * The Fastify application: plugins, the auth hook, the error format, the capabilities' routes and the
 * built app. Requests flow one way: route → schema validation → policy → query in a transaction →
 * audit → response. `buildApp` takes an open database and a clock, so tests drive it with inject().
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify'
import { auditRoutes } from './audit/routes'
import type { Config } from './config'
import type { Db } from './db/connection'
import { ApiError, ErrorSchema, errorBody, forbidden, unauthenticated } from './errors'
import { healthRoutes } from './health/routes'
import { decide, type Action } from '../src/domain/access/policy'
import { currentVersion } from './projects/projects'
import { projectRoutes } from './projects/routes'
import { DEFAULT_COST, type ScryptCost } from './session/passwords'
import { sessionRoutes } from './session/routes'
import { SESSION_COOKIE, csrfMatches, findSession, type SessionInfo } from './session/sessions'
import { townshipRoutes } from './townships/routes'
import { withContentSecurityPolicy } from '../src/settings/content-security-policy'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    settings: Config
    clock: () => Date
    scryptCost: ScryptCost
  }
  interface FastifyRequest {
    /** The logged-in session, or null for an anonymous visitor. */
    auth: SessionInfo | null
  }
  interface FastifyContextConfig {
    /** What the route does, as the policy knows it: every /api route names one. */
    action?: Action
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>

export interface AppOptions {
  config: Config
  db: Db
  clock?: () => Date
  /** Lower scrypt cost for tests only. */
  scryptCost?: ScryptCost
  /** pino options, or false for silence (tests). */
  logger?: FastifyServerOptions['logger']
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Routes under /api that need no action: the documentation. */
const DOCS = /^\/api\/docs(\/|$)/
/** Scripts and styles named by their content hash (Vite's assets/): a new build gives them new names. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
const isHashedAsset = (root: string, file: string) => relative(root, file).split(sep)[0] === 'assets'

export async function buildApp(options: AppOptions): Promise<App> {
  const { config, db } = options
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    bodyLimit: config.maxJsonBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App

  app.decorate('db', db)
  app.decorate('settings', config)
  app.decorate('clock', options.clock ?? (() => new Date()))
  app.decorate('scryptCost', options.scryptCost ?? DEFAULT_COST)
  app.decorateRequest('auth', null)
  app.addSchema(ErrorSchema)

  // Fail closed: an /api route that names no action would be open to everyone.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !DOCS.test(route.url) && !route.config?.action)
      throw new Error(`${route.method} ${route.url}: an /api route must name its policy action (config.action)`)
  })

  await app.register(cookie)
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      ...errorBody(
        'rate_limited',
        `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`,
        `too many requests: try again in ${Math.ceil(context.ttl / 1000)} s`,
      ),
    }),
  })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '金东生态环境一张图 API',
        version: '1',
        description:
          'Sessions are cookies (HttpOnly, SameSite=Lax); every state-changing request carries X-CSRF-Token. ' +
          'Errors are { error, message, zh, en }.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true })

  // Who is asking, and may they: before the body is read, so an anonymous upload is refused unread.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return
    const value = request.cookies[SESSION_COOKIE]
    request.auth = value ? await findSession(db.k, value, app.clock()) : null
    const action = request.routeOptions.config?.action
    if (!action) return
    const decision = decide(request.auth?.actor ?? null, action)
    if (!decision.allowed) throw decision.status === 401 ? unauthenticated() : forbidden()
    if (UNSAFE.has(request.method) && action !== 'session.create') {
      if (!request.auth) throw unauthenticated()
      const given = request.headers['x-csrf-token']
      if (!csrfMatches(request.auth.csrfToken, typeof given === 'string' ? given : undefined))
        throw new ApiError(
          403,
          'csrf_mismatch',
          '缺少或错误的 X-CSRF-Token（请重新登录或刷新页面）',
          'missing or wrong X-CSRF-Token (log in again or reload the page)',
        )
    }
  })

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('Referrer-Policy', 'same-origin')
    if (request.url.startsWith('/api/') && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store')
  })

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiError)
      return reply.status(error.status).send(errorBody(error.code, error.zh, error.en, error.details))
    const failure = error as Error & { statusCode?: number; code?: string; validation?: unknown }
    if (failure.validation)
      return reply
        .status(400)
        .send(errorBody('invalid_request', `请求无效：${failure.message}`, `invalid request: ${failure.message}`))
    // PostgreSQL's data exceptions (class 22: a value it cannot take) are the request's fault.
    if (typeof failure.code === 'string' && /^22[0-9A-Z]{3}$/.test(failure.code) && !failure.statusCode)
      return reply
        .status(400)
        .send(errorBody('invalid_value', '请求中的值无法保存', 'a value in the request cannot be stored'))
    const status = failure.statusCode ?? 500
    if (status === 413)
      return reply
        .status(413)
        .send(errorBody('too_large', '请求体超过大小上限', 'the request body is over the size limit'))
    if (status === 415)
      return reply.status(415).send(errorBody('unsupported_media_type', '不支持的内容类型', 'unsupported Content-Type'))
    if (status === 429) return reply.status(429).send(error)
    if (status >= 400 && status < 500)
      return reply
        .status(status)
        .send(errorBody(failure.code?.toLowerCase() ?? 'bad_request', failure.message, failure.message))
    request.log.error({ err: error }, 'request failed')
    return reply.status(500).send(errorBody('internal', '服务器内部错误', 'internal server error'))
  })

  app.get('/api/openapi.json', { config: { action: 'health.read' }, schema: { hide: true } }, async () => app.swagger())
  await app.register(healthRoutes)
  await app.register(sessionRoutes)
  await app.register(projectRoutes)
  await app.register(auditRoutes)
  await app.register(townshipRoutes)

  const hasApp = existsSync(`${config.staticDir}/index.html`)
  const builtHtml = hasApp ? readFileSync(join(config.staticDir, 'index.html'), 'utf8') : ''
  // SERVICE_HOSTS set on the server: the page's CSP names those hosts instead of the build's.
  const indexHtml =
    hasApp && config.serviceHosts ? withContentSecurityPolicy(builtHtml, config.serviceHosts) : builtHtml
  /**
   * The app's page with a note that a server stands behind it (src/platform/server-meta.ts): the app
   * asks the API only then, so the static build on any web server makes no request that fails. The
   * note names the published project's version, so that a visitor's first view asks for it only when
   * there is one (and a new publication reaches the next visitor without a rebuild).
   */
  const appPage = async (reply: FastifyReply) => {
    const head = await currentVersion(db.k)
    const meta = `<meta name="jindong-server" content="api/" data-project-version="${head?.version ?? ''}" />`
    return reply
      .type('text/html; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .send(indexHtml.replace('</head>', `  ${meta}\n  </head>`))
  }
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: config.staticDir,
      prefix: '/',
      index: false,
      // The build's gzip copies (scripts/precompress.ts), to a browser that accepts gzip.
      preCompressed: true,
      // The build names each script and style by its content: kept for a year. The rest (the built data,
      // the manifest) is asked again each time and answered 304 while unchanged (ETag).
      setHeaders: (reply, path) =>
        void reply.header('cache-control', isHashedAsset(config.staticDir, path) ? IMMUTABLE : 'no-cache'),
    })
    app.get('/', { schema: { hide: true } }, (_request, reply) => appPage(reply))
    app.get('/index.html', { schema: { hide: true } }, (_request, reply) => appPage(reply))
  }

  app.setNotFoundHandler((request, reply) => {
    if (
      hasApp &&
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      request.headers.accept?.includes('text/html')
    )
      return appPage(reply)
    return reply
      .status(404)
      .send(
        errorBody(
          'not_found',
          `没有这个地址：${request.method} ${request.url.split('?')[0]}`,
          `no such route: ${request.method} ${request.url.split('?')[0]}`,
        ),
      )
  })
  return app
}
