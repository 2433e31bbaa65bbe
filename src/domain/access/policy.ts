/**
 * Every permission is decided here, from one table: which roles may do each action, whether an
 * anonymous visitor may, and which roles are held to their own township. Routes declare their
 * action (`config.action`); the auth hook asks `decide` before the body is even read, and a route
 * whose answer depends on the record (a township's notes) asks again with the township. The
 * database then enforces the township a second time (row-level security, server/db/scope.ts).
 * The app reads the same table to show a person only what they may do (src/stores/account.ts):
 * one policy, pure TypeScript, in the shared domain.
 */
import type { Role } from './roles'

export interface Actor {
  userId: number
  name: string
  role: Role
  /** A handler's township code; null for every other role. */
  township: string | null
}

export const ACTIONS = [
  'health.read',
  'session.create',
  'session.read',
  'session.delete',
  'project.read_current',
  'project.list',
  'project.publish',
  'project.restore',
  'audit.read',
  'township.list',
  'township_notes.read',
  'township_notes.write',
] as const
export type Action = (typeof ACTIONS)[number]

interface Rule {
  /** Anonymous visitors may. */
  anonymous: boolean
  /** Logged-in roles that may. */
  roles: readonly Role[]
  /** Roles allowed only for their own township's records. */
  ownTownship?: readonly Role[]
  zh: string
}

const EVERYONE: readonly Role[] = ['admin', 'dispatcher', 'inspector', 'handler', 'viewer']

export const POLICY: Record<Action, Rule> = {
  'health.read': { anonymous: true, roles: EVERYONE, zh: '查看服务状态' },
  'session.create': { anonymous: true, roles: EVERYONE, zh: '登录' },
  'session.read': { anonymous: false, roles: EVERYONE, zh: '查看当前用户' },
  'session.delete': { anonymous: false, roles: EVERYONE, zh: '退出登录' },
  'project.read_current': { anonymous: true, roles: EVERYONE, zh: '查看已发布项目' },
  'project.list': { anonymous: false, roles: EVERYONE, zh: '查看发布历史' },
  'project.publish': { anonymous: false, roles: ['admin'], zh: '发布项目' },
  'project.restore': { anonymous: false, roles: ['admin'], zh: '恢复历史版本' },
  'audit.read': { anonymous: false, roles: ['admin'], zh: '查看审计日志' },
  'township.list': { anonymous: true, roles: EVERYONE, zh: '查看乡镇列表' },
  'township_notes.read': {
    anonymous: false,
    roles: EVERYONE,
    ownTownship: ['handler'],
    zh: '查看乡镇记录',
  },
  'township_notes.write': {
    anonymous: false,
    roles: ['admin', 'dispatcher', 'inspector', 'handler'],
    ownTownship: ['handler'],
    zh: '添加乡镇记录',
  },
}

export type Decision =
  | { allowed: true; scope: 'all' | string }
  | { allowed: false; status: 401 | 403; reason: 'unauthenticated' | 'role' | 'township' }

/**
 * May this actor (null: anonymous) do this action, on this township's record if one is named?
 * `scope` is what the database transaction is then limited to: 'all' or one township code.
 */
export function decide(actor: Actor | null, action: Action, resource: { township?: string } = {}): Decision {
  const rule = POLICY[action]
  if (!actor) return rule.anonymous ? { allowed: true, scope: 'all' } : deny(401, 'unauthenticated')
  if (!rule.roles.includes(actor.role)) return deny(403, 'role')
  if (rule.ownTownship?.includes(actor.role)) {
    if (!actor.township) return deny(403, 'township')
    if (resource.township !== undefined && resource.township !== actor.township) return deny(403, 'township')
    return { allowed: true, scope: actor.township }
  }
  return { allowed: true, scope: 'all' }
}

/** The database scope for an actor's transactions on township-owned tables. */
export function scopeOf(actor: Actor | null): 'all' | string {
  return actor?.role === 'handler' && actor.township ? actor.township : 'all'
}

function deny(status: 401 | 403, reason: 'unauthenticated' | 'role' | 'township'): Decision {
  return { allowed: false, status, reason }
}
