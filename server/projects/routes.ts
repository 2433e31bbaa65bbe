/** /api/projects: the published project (a zip, as 保存项目 writes it), its versions, publish, restore. */
import { Type } from 'typebox'
import type { App } from '../app'
import { ApiError, ErrorSchema } from '../errors'
import { currentVersion, listVersions, projectFile, publish, restore } from './projects'
import { validateProjectZip } from './validate'

const VersionSchema = Type.Object(
  {
    version: Type.Integer(),
    author: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    note: Type.String(),
    sha256: Type.String(),
    size: Type.Integer(),
    restoredFrom: Type.Union([Type.Integer(), Type.Null()]),
    isCurrent: Type.Boolean(),
  },
  { $id: 'ProjectVersion' },
)

const MAX_NOTE = 500

/** X-Note carries the note percent-encoded (encodeURIComponent), since headers are Latin-1. */
function noteOf(header: unknown): string {
  if (header === undefined) return ''
  if (typeof header !== 'string')
    throw new ApiError(400, 'invalid_note', 'X-Note 只能出现一次', 'one X-Note header only')
  let note: string
  try {
    note = decodeURIComponent(header)
  } catch {
    throw new ApiError(
      400,
      'invalid_note',
      'X-Note 须为 encodeURIComponent 编码的文字',
      'X-Note must be text encoded with encodeURIComponent',
    )
  }
  if ([...note].length > MAX_NOTE)
    throw new ApiError(400, 'invalid_note', `说明最多 ${MAX_NOTE} 个字符`, `a note has at most ${MAX_NOTE} characters`)
  return note
}

export async function projectRoutes(app: App) {
  const { maxProjectBytes, maxProjectUnpackedBytes } = app.settings

  app.addContentTypeParser('application/zip', { parseAs: 'buffer', bodyLimit: maxProjectBytes }, (_req, body, done) =>
    done(null, body),
  )

  app.get(
    '/api/projects/current',
    {
      config: { action: 'project.read_current' },
      schema: {
        tags: ['projects'],
        summary: 'The published project: the zip that 保存项目 writes (404 when nothing is published)',
        headers: Type.Object({ 'if-none-match': Type.Optional(Type.String({ maxLength: 200 })) }),
        response: {
          200: Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'application/zip' }),
          304: Type.Null(),
          404: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const head = await currentVersion(app.db.k)
      if (!head) throw new ApiError(404, 'no_project', '尚未发布项目', 'no project has been published yet')
      const etag = `"${head.sha256}"`
      reply.header('ETag', etag).header('Cache-Control', 'no-cache').header('X-Project-Version', String(head.version))
      if (request.headers['if-none-match'] === etag) return reply.status(304).send(null)
      const zip = await projectFile(app.db.k, head.sha256)
      if (!zip) throw new ApiError(404, 'no_project', '尚未发布项目', 'no project has been published yet')
      reply.header('Content-Disposition', `attachment; filename="project-v${head.version}.zip"`).type('application/zip')
      return reply.send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength))
    },
  )

  app.get(
    '/api/projects',
    {
      config: { action: 'project.list' },
      schema: {
        tags: ['projects'],
        summary: 'Published versions, newest first',
        response: { 200: Type.Object({ versions: Type.Array(VersionSchema) }) },
      },
    },
    async () => ({ versions: await listVersions(app.db.k) }),
  )

  app.post(
    '/api/projects',
    {
      config: { action: 'project.publish' },
      bodyLimit: maxProjectBytes,
      schema: {
        tags: ['projects'],
        summary: 'Publish a project (admin): the zip as the body, a note in X-Note (percent-encoded)',
        description:
          'Body: the project zip (Content-Type: application/zip), as 保存项目 writes it. It is checked before it is ' +
          'stored: project.json present and valid, format version not newer than the server reads, no unsafe entry ' +
          'names, bounded unpacking; over MAX_PROJECT_BYTES → 413.',
        consumes: ['application/zip'],
        headers: Type.Object({
          'x-note': Type.Optional(Type.String({ maxLength: 4000 })),
        }),
        response: {
          201: Type.Object({
            version: VersionSchema,
            project: Type.Object({
              formatVersion: Type.Integer(),
              app: Type.String(),
              savedAt: Type.String(),
              layers: Type.Integer(),
              replacements: Type.Integer(),
              warnings: Type.Array(Type.String()),
            }),
          }),
          400: ErrorSchema,
          413: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      if (!/^application\/zip\b/.test(request.headers['content-type'] ?? ''))
        throw new ApiError(
          415,
          'unsupported_media_type',
          '请以 Content-Type: application/zip 上传项目文件',
          'send the project with Content-Type: application/zip',
        )
      const note = noteOf(request.headers['x-note'])
      const body = request.body as unknown
      if (!Buffer.isBuffer(body) || body.byteLength === 0)
        throw new ApiError(400, 'empty_body', '请求体应为项目 zip 文件', 'the body should be the project zip')
      const summary = await validateProjectZip(new Uint8Array(body), maxProjectUnpackedBytes)
      const actor = request.auth!.actor
      const version = await publish(app.db.k, body, note, actor, app.clock(), request.ip)
      request.log.info({ version: version.version, size: version.size }, 'project published')
      return reply.status(201).send({ version, project: summary })
    },
  )

  app.post(
    '/api/projects/:version/restore',
    {
      config: { action: 'project.restore' },
      schema: {
        tags: ['projects'],
        summary: 'Make an earlier version current again, as a new version (admin)',
        params: Type.Object({ version: Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 }) }),
        headers: Type.Object({ 'x-note': Type.Optional(Type.String({ maxLength: 4000 })) }),
        response: { 201: Type.Object({ version: VersionSchema }), 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const note = noteOf(request.headers['x-note'])
      const version = await restore(
        app.db.k,
        request.params.version,
        note,
        request.auth!.actor,
        app.clock(),
        request.ip,
      )
      return reply.status(201).send({ version })
    },
  )
}
