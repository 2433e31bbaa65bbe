/** The tables as Kysely sees them (kept beside the SQL migrations that make them). */
import type { ColumnType, Generated } from 'kysely'

import type { Role } from '../../src/domain/access/roles'
export { ROLES, type Role } from '../../src/domain/access/roles'

type Timestamp = ColumnType<Date, Date | string, Date | string>
/** bigint columns: pg returns a string, PGlite a number or bigint; read them with Number(). */
type BigId = ColumnType<string | number | bigint, never, never>

export interface TownshipsTable {
  code: string
  name: string
  name_en: string | null
  geom: ColumnType<unknown, string, string>
}

export interface UsersTable {
  id: Generated<number>
  name: string
  role: Role
  township_code: string | null
  password_hash: string
  disabled: Generated<boolean>
  failed_logins: Generated<number>
  locked_until: Timestamp | null
  created_at: Timestamp
  password_changed_at: Timestamp
}

export interface SessionsTable {
  id_hash: string
  user_id: number
  csrf_token: string
  created_at: Timestamp
  expires_at: Timestamp
}

export interface AuditLogTable {
  id: Generated<BigId>
  at: Timestamp
  actor_id: number | null
  actor_name: string | null
  kind: string
  target: string | null
  before: ColumnType<unknown, string | null, never>
  after: ColumnType<unknown, string | null, never>
  ip: string | null
}

export interface ProjectFilesTable {
  sha256: string
  zip: ColumnType<Uint8Array, Uint8Array, never>
  size: number
}

export interface ProjectsTable {
  version: Generated<number>
  author_id: number | null
  author_name: string
  created_at: Timestamp
  note: string
  sha256: string
  size: number
  restored_from: number | null
  is_current: boolean
}

export interface TownshipNotesTable {
  id: Generated<number>
  township_code: string
  body: string
  author_id: number
  created_at: Timestamp
}

export interface SchemaMigrationsTable {
  version: number
  name: string
  checksum: string
  applied_at: Timestamp
}

export interface Database {
  townships: TownshipsTable
  users: UsersTable
  sessions: SessionsTable
  audit_log: AuditLogTable
  project_files: ProjectFilesTable
  projects: ProjectsTable
  township_notes: TownshipNotesTable
  schema_migrations: SchemaMigrationsTable
}
