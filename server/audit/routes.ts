/** GET /api/audit: the log, newest first, filtered by person, kind and time (admins). */
import { Type } from 'typebox'
import type { App } from '../app'
import { ApiError, ErrorSchema, NO_CONTROL } from '../errors'
import { queryAudit } from './audit'

const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
})

export async function auditRoutes(app: App) {
  app.get(
    '/api/audit',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log (admin)',
        querystring: Type.Object(
          {
            person: Type.Optional(
              Type.String({ minLength: 1, maxLength: 64, pattern: NO_CONTROL, description: "the actor's user name" }),
            ),
            kind: Type.Optional(
              Type.String({
                pattern: '^[a-z_]+(\\.[a-z_]+)?$',
                maxLength: 64,
                description: 'a kind (project.publish) or a family (project)',
              }),
            ),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            before: Type.Optional(Type.Integer({ minimum: 1, description: 'older than this id (paging)' })),
            limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ entries: Type.Array(AuditEntrySchema) }), 400: ErrorSchema },
      },
    },
    async (request) => {
      const q = request.query
      const from = q.from ? new Date(q.from) : undefined
      const to = q.to ? new Date(q.to) : undefined
      if (from && to && from > to)
        throw new ApiError(400, 'invalid_range', '开始时间晚于结束时间', '"from" is after "to"')
      const entries = await queryAudit(app.db.k, {
        person: q.person,
        kind: q.kind,
        from,
        to,
        before: q.before,
        limit: q.limit,
      })
      return { entries }
    },
  )
}
