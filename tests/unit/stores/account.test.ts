// @vitest-environment happy-dom
/**
 * The account store against a fake server: a visitor who never logged in makes no request; login
 * remembers who (not a secret) so a reload asks; the interface's permissions are the server's policy;
 * a publication made while the server is down is kept, said, and sent under the same person's
 * session when it answers; a refusal then is said, not dropped.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { SESSION_HINT_KEY, useAccountStore, type Who } from '../../../src/stores/account'
import { memoryOutbox } from '../../../src/platform/outbox'

const META = { apiBase: 'http://127.0.0.1:4173/api/', projectVersion: null }
const ADMIN: Who = {
  name: 'admin',
  role: 'admin',
  township: null,
  csrfToken: 'csrf-a',
  expiresAt: '2026-12-07T00:00:00Z',
}
const VIEWER: Who = { ...ADMIN, name: 'viewer', role: 'viewer', csrfToken: 'csrf-v' }

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

/** A fake server: `up` decides whether it answers; `routes` what it says. */
function fakeServer() {
  const state = { up: true, who: null as Who | null, published: 0, refusePublish: false }
  const calls: { method: string; path: string; csrf?: string }[] = []
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(url)).pathname.replace('/api/', '')
    const method = init?.method ?? 'GET'
    const headers = (init?.headers ?? {}) as Record<string, string>
    calls.push({ method, path, csrf: headers['X-CSRF-Token'] })
    if (!state.up) throw new TypeError('Failed to fetch')
    if (path === 'session' && method === 'POST') {
      const { name } = JSON.parse(String(init!.body)) as { name: string }
      state.who = name === 'admin' ? ADMIN : VIEWER
      return json(200, state.who)
    }
    if (path === 'session' && method === 'GET')
      return state.who ? json(200, state.who) : json(401, { error: 'unauthenticated', zh: '请先登录', en: 'log in' })
    if (path === 'session' && method === 'DELETE') return new Response(null, { status: 204 })
    if (path === 'projects' && method === 'POST') {
      if (state.refusePublish) return json(422, { error: 'invalid_project', zh: '项目文件无效', en: 'invalid project' })
      state.published++
      return json(201, { version: { version: state.published } })
    }
    if (path === 'health') return json(200, { ok: true })
    return json(404, { error: 'not_found', zh: '无', en: 'none' })
  })
  return { state, calls, fetch }
}

let server: ReturnType<typeof fakeServer>
beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  server = fakeServer()
  vi.stubGlobal('fetch', server.fetch)
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

function store() {
  const account = useAccountStore()
  account.configure({ storage: memoryOutbox(), meta: META })
  return account
}

describe('account store', () => {
  test('a visitor who never logged in on this browser makes no request at start', async () => {
    const account = store()
    await account.start()
    expect(server.calls).toEqual([])
    expect(account.who).toBeNull()
    expect(account.can('project.read_current')).toBe(true)
    expect(account.can('project.publish')).toBe(false)
  })

  test('after a login, a reload asks who is logged in; a session that ended forgets the hint', async () => {
    await store().login('admin', 'pw')
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBe('admin')
    setActivePinia(createPinia())
    const reloaded = store()
    await reloaded.start()
    expect(reloaded.who?.name).toBe('admin')
    server.state.who = null
    setActivePinia(createPinia())
    const expired = store()
    await expired.start()
    expect(expired.who).toBeNull()
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull()
  })

  test("the interface's permissions are the server's policy: an admin publishes and audits", async () => {
    const account = store()
    await account.login('admin', 'pw')
    expect([account.can('project.publish'), account.can('audit.read'), account.can('project.restore')]).toEqual([
      true,
      true,
      true,
    ])
    await account.logout()
    await account.login('viewer', 'pw')
    expect([account.can('project.publish'), account.can('audit.read'), account.can('project.list')]).toEqual([
      false,
      false,
      true,
    ])
  })

  test('a publication while the server is down is kept and said, then sent with its CSRF token later', async () => {
    const account = store()
    await account.login('admin', 'pw')
    server.state.up = false
    const outcome = await account.publish(new Uint8Array([80, 75, 5, 6]), '月报')
    expect(outcome.sent).toBe(false)
    expect(account.reachable).toBe(false)
    expect(account.mine.map((c) => c.label.zh)).toEqual(['发布项目：月报'])
    expect(server.state.published).toBe(0)

    server.state.up = true
    await vi.advanceTimersByTimeAsync(15_000)
    await vi.waitFor(() => expect(account.mine).toEqual([]))
    expect(account.reachable).toBe(true)
    expect(server.state.published).toBe(1)
    const sent = server.calls.filter((c) => c.method === 'POST' && c.path === 'projects')
    expect(sent.at(-1)?.csrf).toBe('csrf-a')
  })

  test('a kept change the server then refuses leaves the box with its reason, said in the banner', async () => {
    const account = store()
    await account.login('admin', 'pw')
    server.state.up = false
    await account.publish(new Uint8Array([1]), '')
    server.state.up = true
    server.state.refusePublish = true
    await account.flush()
    expect(account.mine).toEqual([])
    expect(account.refused).toEqual([
      { label: { zh: '发布项目', en: 'Publish the project' }, reason: { zh: '项目文件无效', en: 'invalid project' } },
    ])
  })

  test("another person's kept change is not sent under this session", async () => {
    const account = store()
    await account.login('admin', 'pw')
    server.state.up = false
    await account.publish(new Uint8Array([1]), '')
    server.state.up = true
    await account.logout()
    await account.login('viewer', 'pw')
    expect(account.pending.length).toBe(1)
    expect(account.mine).toEqual([])
    expect(server.state.published).toBe(0)
  })

  test('a refusal of a direct change is thrown for the screen to say, and nothing is kept', async () => {
    const account = store()
    await account.login('admin', 'pw')
    server.state.refusePublish = true
    await expect(account.publish(new Uint8Array([1]), '')).rejects.toMatchObject({ status: 422 })
    expect(account.pending).toEqual([])
  })
})
