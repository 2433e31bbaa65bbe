/**
 * The app's API client: the CSRF token on every state change (never on a read), the server's
 * bilingual refusals read as they are written, and an answer that is not the server's (no network,
 * a proxy's error page) taken as "unreachable", so the caller keeps the change instead of dropping it.
 */
import { describe, expect, test, vi } from 'vitest'
import { ApiClient, ApiRefusal, ServerUnreachableError } from '../../../src/platform/api-client'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } })

function clientWith(answer: (url: string, init: RequestInit) => Response | Promise<Response>, token = 'tok-1') {
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => answer(String(url), init!))
  return { client: new ApiClient({ apiBase: 'http://127.0.0.1:4173/app/api/', fetch, csrfToken: () => token }), fetch }
}

describe('ApiClient', () => {
  test('paths resolve under the API base, which may sit under a path', () => {
    const { client } = clientWith(() => json(200, {}))
    expect(client.url('projects/current')).toBe('http://127.0.0.1:4173/app/api/projects/current')
    expect(client.url('/session')).toBe('http://127.0.0.1:4173/app/api/session')
  })

  test('a state change carries X-CSRF-Token; a read does not; the cookie goes same-origin only', async () => {
    const { client, fetch } = clientWith(() => json(200, { ok: true }))
    await client.json('POST', 'session', { json: { name: 'a', password: 'b' } })
    await client.json('GET', 'session')
    await client.send('DELETE', 'session')
    const [post, get, del] = fetch.mock.calls.map(
      ([, init]) => init as RequestInit & { headers: Record<string, string> },
    )
    expect(post!.headers['X-CSRF-Token']).toBe('tok-1')
    expect(post!.headers['Content-Type']).toBe('application/json')
    expect(post!.body).toBe('{"name":"a","password":"b"}')
    expect(post!.credentials).toBe('same-origin')
    expect(get!.headers['X-CSRF-Token']).toBeUndefined()
    expect(del!.headers['X-CSRF-Token']).toBe('tok-1')
  })

  test('a raw body is sent with its own type (a project zip)', async () => {
    const { client, fetch } = clientWith(() => json(201, {}))
    await client.send('POST', 'projects', { body: new Blob([new Uint8Array([80, 75])], { type: 'application/zip' }) })
    const init = fetch.mock.calls[0]![1] as RequestInit & { headers: Record<string, string> }
    expect(init.headers['Content-Type']).toBe('application/zip')
    expect(init.body).toBeInstanceOf(Blob)
  })

  test("the server's refusal is read in both languages, with its status and code", async () => {
    const { client } = clientWith(() =>
      json(423, { error: 'locked', message: 'x / y', zh: '账号已锁定，请 15 分钟后再试', en: 'account locked' }),
    )
    const error = await client.json('POST', 'session', { json: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiRefusal)
    expect(error).toMatchObject({
      status: 423,
      code: 'locked',
      text: { zh: '账号已锁定，请 15 分钟后再试', en: 'account locked' },
    })
  })

  test('a failed fetch, a 502 page and a 503 without our body are "unreachable": the change is kept', async () => {
    for (const answer of [
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
      () => json(503, { error: 'Service Unavailable', statusCode: 503 }),
    ]) {
      const { client } = clientWith(answer)
      await expect(client.send('POST', 'projects')).rejects.toBeInstanceOf(ServerUnreachableError)
    }
  })

  test('a 4xx that is not ours is a refusal with its status, never an empty message', async () => {
    const { client } = clientWith(
      () => new Response('nope', { status: 403, headers: { 'Content-Type': 'text/plain' } }),
    )
    const error = (await client.send('GET', 'audit').catch((e: unknown) => e)) as ApiRefusal
    expect(error).toBeInstanceOf(ApiRefusal)
    expect(error.text.zh).toContain('HTTP 403')
  })

  test('a server that does not answer in time is unreachable', async () => {
    const { client } = clientWith(
      (_url, init) =>
        new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new Error('aborted')))),
    )
    await expect(client.send('GET', 'health', { timeoutMs: 20 })).rejects.toBeInstanceOf(ServerUnreachableError)
  })
})
