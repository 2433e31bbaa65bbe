/** Logging in through the API and carrying the cookie and CSRF token, as the app will. */
import type { App } from '../../../server/app'
import { PASSWORD } from './context'

export interface Agent {
  cookie: string
  csrf: string
  name: string
}

export function cookieOf(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('; ') : (setCookie ?? '')
  const match = /jd_session=([^;]+)/.exec(header)
  if (!match) throw new Error(`no session cookie in ${header}`)
  return match[1]!
}

export async function login(app: App, name: string, password = PASSWORD): Promise<Agent> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { name, password } })
  if (response.statusCode !== 200) throw new Error(`login ${name}: ${response.statusCode} ${response.body}`)
  return { cookie: cookieOf(response.headers['set-cookie']), csrf: response.json().csrfToken, name }
}

/** Headers for a request as this agent (with its CSRF token unless told otherwise). */
export function as(agent: Agent | null, csrf: string | null = agent?.csrf ?? null): Record<string, string> {
  const headers: Record<string, string> = {}
  if (agent) headers.cookie = `jd_session=${agent.cookie}`
  if (csrf !== null) headers['x-csrf-token'] = csrf
  return headers
}
