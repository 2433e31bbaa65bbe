/**
 * What the API answers, as the app reads it and the server writes it (server/projects, server/audit,
 * server/session import these types): one definition of each shape. The server's TypeBox schemas
 * (OpenAPI at /api/openapi.json) validate the same fields on the wire.
 */
import type { Role } from '../domain/access/roles'

/** GET/POST /api/session. */
export interface Who {
  name: string
  role: Role
  township: { code: string; name: string } | null
  csrfToken: string
  expiresAt: string
}

/** GET /api/password-rules. */
export interface PasswordRules {
  minLength: number
  maxLength: number
  zh: string
  en: string
}

/** A published version (GET /api/projects, POST /api/projects, …/restore). */
export interface ProjectVersion {
  version: number
  author: string
  createdAt: string
  note: string
  sha256: string
  size: number
  restoredFrom: number | null
  isCurrent: boolean
}

/** An audit entry (GET /api/audit). */
export interface AuditEntry {
  id: number
  at: string
  actor: string | null
  kind: string
  target: string | null
  before: unknown
  after: unknown
  ip: string | null
}
