/**
 * /api/townships: the list and boundaries (public), and each township's notes: the smallest record
 * that belongs to a township, here to carry the pattern the problem loop will reuse. The policy says
 * who may (a handler only for their own township); the database says it again (row-level security).
 */
import { sql } from 'kysely'
import { Type } from 'typebox'
import type { App } from '../app'
import { recordAudit } from '../audit/audit'
import { inScope } from '../db/scope'
import { ApiError, ErrorSchema, NO_NUL, forbidden } from '../errors'
import { decide } from '../../src/domain/access/policy'

const Code = Type.String({ pattern: '^[0-9]{9}$', description: '9-digit township code, e.g. 330703103' })
const NoteSchema = Type.Object({
  id: Type.Integer(),
  township: Type.String(),
  body: Type.String(),
  author: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
})

export async function townshipRoutes(app: App) {
  app.get(
    '/api/townships',
    {
      config: { action: 'township.list' },
      schema: {
        tags: ['townships'],
        summary: 'The townships (code, names)',
        response: {
          200: Type.Object({
            townships: Type.Array(
              Type.Object({
                code: Type.String(),
                name: Type.String(),
                nameEn: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const rows = await app.db.k.selectFrom('townships').select(['code', 'name', 'name_en']).orderBy('code').execute()
      return { townships: rows.map((row) => ({ code: row.code, name: row.name, nameEn: row.name_en })) }
    },
  )

  app.get(
    '/api/townships/boundaries',
    {
      config: { action: 'township.list' },
      schema: {
        tags: ['townships'],
        summary: 'The township boundaries as GeoJSON (from PostGIS)',
        response: {
          200: Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(Type.Unknown()) }),
        },
      },
    },
    async (_request, reply) => {
      // Built by PostgreSQL as one JSON text and sent as it is (no parse and re-serialise here).
      const { rows } = await sql<{ collection: string }>`
        select json_build_object(
          'type', 'FeatureCollection',
          'features', coalesce(json_agg(json_build_object(
            'type', 'Feature',
            'id', code,
            'properties', json_build_object('code', code, 'name', name, 'name_en', name_en),
            'geometry', ST_AsGeoJSON(geom, 6)::json
          ) order by code), '[]'::json)
        )::text as collection
        from townships`.execute(app.db.k)
      return reply.type('application/json; charset=utf-8').send(rows[0]!.collection as never)
    },
  )

  async function township(code: string) {
    const row = await app.db.k.selectFrom('townships').select('code').where('code', '=', code).executeTakeFirst()
    if (!row) throw new ApiError(404, 'not_found', `没有代码为 ${code} 的乡镇`, `no township with code ${code}`)
  }

  app.get(
    '/api/townships/:code/notes',
    {
      config: { action: 'township_notes.read' },
      schema: {
        tags: ['townships'],
        summary: "A township's notes (a handler: own township only)",
        params: Type.Object({ code: Code }),
        response: { 200: Type.Object({ notes: Type.Array(NoteSchema) }), 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const actor = request.auth?.actor ?? null
      const decision = decide(actor, 'township_notes.read', { township: request.params.code })
      if (!decision.allowed) throw forbidden('a handler sees only their own township', '处置人员只能查看本乡镇的记录')
      await township(request.params.code)
      const rows = await inScope(app.db, decision.scope, (trx) =>
        trx
          .selectFrom('township_notes')
          .innerJoin('users', 'users.id', 'township_notes.author_id')
          .select([
            'township_notes.id',
            'township_notes.township_code',
            'township_notes.body',
            'township_notes.created_at',
            'users.name',
          ])
          .where('township_notes.township_code', '=', request.params.code)
          .orderBy('township_notes.id', 'desc')
          .limit(500)
          .execute(),
      )
      return {
        notes: rows.map((row) => ({
          id: row.id,
          township: row.township_code,
          body: row.body,
          author: row.name,
          createdAt: new Date(row.created_at).toISOString(),
        })),
      }
    },
  )

  app.post(
    '/api/townships/:code/notes',
    {
      config: { action: 'township_notes.write' },
      schema: {
        tags: ['townships'],
        summary: "Add a note to a township's record (a handler: own township only)",
        params: Type.Object({ code: Code }),
        body: Type.Object(
          { body: Type.String({ minLength: 1, maxLength: 2000, pattern: NO_NUL }) },
          { additionalProperties: false },
        ),
        response: { 201: NoteSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const actor = request.auth!.actor
      const decision = decide(actor, 'township_notes.write', { township: request.params.code })
      if (!decision.allowed)
        throw forbidden('a handler writes only to their own township', '处置人员只能修改本乡镇的记录')
      await township(request.params.code)
      const now = app.clock()
      const note = await inScope(app.db, decision.scope, async (trx) => {
        const row = await trx
          .insertInto('township_notes')
          .values({
            township_code: request.params.code,
            body: request.body.body,
            author_id: actor.userId,
            created_at: now,
          })
          .returning(['id', 'township_code', 'body', 'created_at'])
          .executeTakeFirstOrThrow()
        await recordAudit(trx, {
          at: now,
          actor,
          kind: 'township_note.add',
          target: `township/${row.township_code}/notes/${row.id}`,
          after: { body: row.body },
          ip: request.ip,
        })
        return row
      })
      return reply.status(201).send({
        id: note.id,
        township: note.township_code,
        body: note.body,
        author: actor.name,
        createdAt: new Date(note.created_at).toISOString(),
      })
    },
  )
}
