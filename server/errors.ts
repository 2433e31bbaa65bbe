/**
 * Errors are values with a code a program can branch on and a sentence a person can act on, in
 * Chinese and English: `{ error, message, zh, en, details? }` on every non-2xx answer.
 */
import { Type } from 'typebox'

/** Text without NUL (PostgreSQL text cannot hold it) / without any control character (names). */
export const NO_NUL = '^[^\\u0000]*$'
export const NO_CONTROL = '^[^\\u0000-\\u001f\\u007f]*$'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(en)
    this.name = 'ApiError'
  }
}

export interface ErrorBody {
  error: string
  message: string
  zh: string
  en: string
  details?: unknown
}

export const ErrorSchema = Type.Object(
  {
    error: Type.String({ description: 'machine-readable code, e.g. csrf_mismatch' }),
    message: Type.String({ description: 'both languages, for a log or a quick look' }),
    zh: Type.String(),
    en: Type.String(),
    details: Type.Optional(Type.Unknown()),
  },
  { $id: 'Error' },
)

export function errorBody(code: string, zh: string, en: string, details?: unknown): ErrorBody {
  return { error: code, message: `${zh} / ${en}`, zh, en, ...(details === undefined ? {} : { details }) }
}

export const unauthenticated = () =>
  new ApiError(401, 'unauthenticated', '请先登录（或会话已过期）', 'log in first (or the session has expired)')
export const forbidden = (en = 'your role may not do this', zh = '您的角色无权执行此操作') =>
  new ApiError(403, 'forbidden', zh, en)
export const notFound = (what: string, zh: string) => new ApiError(404, 'not_found', `${zh}不存在`, `${what} not found`)
