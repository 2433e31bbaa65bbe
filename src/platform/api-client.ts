/**
 * The app's side of /api (docs/platform.md): same-origin requests with the session cookie, the CSRF
 * token on every state-changing request, and the server's errors read as they are written
 * (`{ error, zh, en }`), so a message says what went wrong in the reader's language. A request that
 * never reached the server is a ServerUnreachableError: the caller keeps the change (outbox.ts).
 */
import type { Bilingual } from '../domain/types'

/** The server answered, and said no. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
  ) {
    super(`${status} ${code}: ${text.en}`)
    this.name = 'ApiRefusal'
  }
}

/** The request did not reach the server (no network, server down, proxy error page). */
export class ServerUnreachableError extends Error {
  constructor(readonly reason: string) {
    super(`the server cannot be reached: ${reason}`)
    this.name = 'ServerUnreachableError'
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export interface ApiRequest {
  /** JSON body (sent as application/json). */
  json?: unknown
  /** Raw body (a project zip) with its type. */
  body?: Blob
  headers?: Record<string, string>
  /** Give up after this long (a slow server is reported as unreachable, not waited on forever). */
  timeoutMs?: number
}

export interface ApiClientOptions {
  apiBase: string
  fetch?: typeof fetch
  /** The CSRF token of the session, read at each request (it changes at login). */
  csrfToken: () => string | null
}

export class ApiClient {
  private readonly fetcher: typeof fetch

  constructor(private readonly options: ApiClientOptions) {
    this.fetcher = options.fetch ?? ((...args) => fetch(...args))
  }

  url(path: string): string {
    return new URL(path.replace(/^\//, ''), this.options.apiBase).href
  }

  /** The response when the server said yes (2xx, or 304), an ApiRefusal when it said no. */
  async send(method: string, path: string, request: ApiRequest = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers }
    let body: BodyInit | undefined
    if (request.json !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(request.json)
    } else if (request.body) {
      headers['Content-Type'] = request.body.type || 'application/octet-stream'
      body = request.body
    }
    const token = this.options.csrfToken()
    if (UNSAFE.has(method) && token) headers['X-CSRF-Token'] = token
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), request.timeoutMs ?? 30_000)
    let response: Response
    try {
      response = await this.fetcher(this.url(path), {
        method,
        headers,
        body,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: controller.signal,
      })
    } catch (error) {
      throw new ServerUnreachableError(error instanceof Error ? error.message : String(error))
    } finally {
      clearTimeout(timer)
    }
    if (response.ok || response.status === 304) return response
    throw await refusalOf(response)
  }

  async json<T>(method: string, path: string, request?: ApiRequest): Promise<T> {
    const response = await this.send(method, path, request)
    return (await response.json()) as T
  }
}

/**
 * The server's error body, or, for an answer that is not ours (a proxy's 502 page), an unreachable
 * server: the change is kept rather than refused.
 */
async function refusalOf(response: Response): Promise<Error> {
  const type = response.headers.get('Content-Type') ?? ''
  if (type.includes('application/json')) {
    try {
      const body = (await response.json()) as { error?: unknown; zh?: unknown; en?: unknown }
      if (typeof body.zh === 'string' && typeof body.en === 'string')
        return new ApiRefusal(response.status, String(body.error ?? 'error'), { zh: body.zh, en: body.en })
      // @fastify/rate-limit's own body.
      if (response.status === 429)
        return new ApiRefusal(429, 'rate_limited', {
          zh: '请求过于频繁，请稍后再试',
          en: 'too many requests: try again later',
        })
    } catch {
      // not JSON after all: below
    }
  }
  if (response.status >= 500 || response.status === 404) return new ServerUnreachableError(`HTTP ${response.status}`)
  return new ApiRefusal(response.status, `http_${response.status}`, {
    zh: `服务器拒绝了请求（HTTP ${response.status}）`,
    en: `the server refused the request (HTTP ${response.status})`,
  })
}
