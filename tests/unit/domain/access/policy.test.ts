/**
 * The one policy (src/domain/access/policy.ts), as a table written out here rather than read from
 * POLICY: who may do each action, who is held to their own township, and what the database scope
 * then is. The server's tests (tests/server) check that the routes ask it; these check its answers.
 */
import { describe, expect, test } from 'vitest'
import { ACTIONS, decide, POLICY, scopeOf, type Action, type Actor } from '../../../../src/domain/access/policy'
import { ROLES, type Role } from '../../../../src/domain/access/roles'

const actor = (role: Role, township: string | null = null): Actor => ({ userId: 7, name: '测试', role, township })

/** Per action: may an anonymous visitor, and which roles may (admin, dispatcher, inspector, handler, viewer). */
const TABLE: Record<Action, { anonymous: boolean; roles: string }> = {
  'health.read': { anonymous: true, roles: 'adihv' },
  'session.create': { anonymous: true, roles: 'adihv' },
  'session.read': { anonymous: false, roles: 'adihv' },
  'session.delete': { anonymous: false, roles: 'adihv' },
  'project.read_current': { anonymous: true, roles: 'adihv' },
  'project.list': { anonymous: false, roles: 'adihv' },
  'project.publish': { anonymous: false, roles: 'a' },
  'project.restore': { anonymous: false, roles: 'a' },
  'audit.read': { anonymous: false, roles: 'a' },
  'township.list': { anonymous: true, roles: 'adihv' },
  'township_notes.read': { anonymous: false, roles: 'adihv' },
  'township_notes.write': { anonymous: false, roles: 'adih' },
}
const LETTER: Record<Role, string> = { admin: 'a', dispatcher: 'd', inspector: 'i', handler: 'h', viewer: 'v' }
const TOWNSHIP_BOUND: readonly Action[] = ['township_notes.read', 'township_notes.write']

describe('the access policy', () => {
  test('lists every action once, each with a rule and its name in Chinese', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(TABLE).sort())
    expect(new Set(ACTIONS).size).toBe(ACTIONS.length)
    for (const action of ACTIONS) expect(POLICY[action].zh).toMatch(/^[\u4e00-\u9fff]+$/)
  })

  test.each(ACTIONS)('%s: an anonymous visitor is let in or asked to log in (401)', (action) => {
    expect(decide(null, action)).toEqual(
      TABLE[action].anonymous
        ? { allowed: true, scope: 'all' }
        : { allowed: false, status: 401, reason: 'unauthenticated' },
    )
  })

  test.each(ACTIONS)('%s: each role is allowed or refused for its role (403)', (action) => {
    for (const role of ROLES) {
      const decision = decide(actor(role, role === 'handler' ? '330703001' : null), action)
      if (!TABLE[action].roles.includes(LETTER[role]))
        expect(decision, role).toEqual({ allowed: false, status: 403, reason: 'role' })
      else
        expect(decision, role).toEqual({
          allowed: true,
          scope: role === 'handler' && TOWNSHIP_BOUND.includes(action) ? '330703001' : 'all',
        })
    }
  })

  test('a handler reads and writes township notes of their own township only', () => {
    const handler = actor('handler', '330703001')
    for (const action of TOWNSHIP_BOUND) {
      expect(decide(handler, action, { township: '330703001' })).toEqual({ allowed: true, scope: '330703001' })
      expect(decide(handler, action, { township: '330703002' })).toEqual({
        allowed: false,
        status: 403,
        reason: 'township',
      })
      // An empty code is another township, not "no township named".
      expect(decide(handler, action, { township: '' })).toMatchObject({ allowed: false, reason: 'township' })
    }
  })

  test('a handler without a township is refused what is township-bound, and nothing else it may do', () => {
    const unbound = actor('handler', null)
    for (const action of TOWNSHIP_BOUND)
      expect(decide(unbound, action, { township: '330703001' })).toEqual({
        allowed: false,
        status: 403,
        reason: 'township',
      })
    expect(decide(unbound, 'project.list')).toEqual({ allowed: true, scope: 'all' })
  })

  test('the other roles are not held to a township, even one they happen to carry', () => {
    for (const role of ['admin', 'dispatcher', 'inspector'] as const)
      expect(decide(actor(role, '330703001'), 'township_notes.write', { township: '330703002' })).toEqual({
        allowed: true,
        scope: 'all',
      })
    expect(decide(actor('viewer', '330703001'), 'township_notes.read', { township: '330703002' })).toEqual({
      allowed: true,
      scope: 'all',
    })
  })

  test('the database scope is the township for a bound handler, else every township', () => {
    expect(scopeOf(null)).toBe('all')
    expect(scopeOf(actor('handler', '330703005'))).toBe('330703005')
    expect(scopeOf(actor('handler', null))).toBe('all')
    expect(scopeOf(actor('handler', ''))).toBe('all')
    for (const role of ['admin', 'dispatcher', 'inspector', 'viewer'] as const)
      expect(scopeOf(actor(role, '330703005')), role).toBe('all')
  })
})
