/** GET /api/health: is the database reachable, are the migrations current. */
import { sql } from 'kysely'
import { Type } from 'typebox'
import type { App } from '../app'
import { migrationState } from '../db/migrate'

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]),
  migrations: Type.Union([Type.Literal('current'), Type.Literal('behind'), Type.Literal('unknown')]),
  backend: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  applied: Type.Integer(),
  latest: Type.Integer(),
})

export async function healthRoutes(app: App) {
  app.get(
    '/api/health',
    {
      config: { action: 'health.read' },
      schema: {
        tags: ['health'],
        summary: 'Database and migrations',
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(app.db.k)
        const state = await migrationState(app.db)
        const body = {
          status: state.current ? ('ok' as const) : ('degraded' as const),
          database: 'ok' as const,
          migrations: state.current ? ('current' as const) : ('behind' as const),
          backend: app.db.kind,
          applied: state.applied,
          latest: state.latest,
        }
        return reply.status(state.current ? 200 : 503).send(body)
      } catch (error) {
        request.log.error({ err: error }, 'health: database unreachable')
        return reply.status(503).send({
          status: 'degraded',
          database: 'unreachable',
          migrations: 'unknown',
          backend: app.db.kind,
          applied: 0,
          latest: 0,
        })
      }
    },
  )
}
