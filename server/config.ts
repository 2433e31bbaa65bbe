/**
 * The server's configuration: environment variables only, each parsed and checked here, with the
 * defaults that make `npm start` on a fresh clone work (PGlite in var/db, 127.0.0.1:4173). The
 * table in docs/platform.md lists the same variables; `CONFIG_VARS` is its source.
 */
import { resolve } from 'node:path'
import { parseServiceHosts } from '../src/settings/content-security-policy'

export interface Config {
  port: number
  host: string
  /** postgres://… for PostgreSQL; empty for the embedded PGlite. */
  databaseUrl: string
  /** PGlite's data folder (ignored with DATABASE_URL). */
  dataDir: string
  /** The built app served at /; absent folder → API only. */
  staticDir: string
  sessionTtlSeconds: number
  /** Cookies marked Secure (set when the server is reached through https). */
  cookieSecure: boolean
  loginMaxFailures: number
  lockSeconds: number
  /** Login attempts per IP per minute (all names together). */
  loginRatePerMinute: number
  /** Largest project zip accepted, in bytes (→ 413 over it). */
  maxProjectBytes: number
  /** Largest total an uploaded project may unpack to. */
  maxProjectUnpackedBytes: number
  /** Largest JSON body, in bytes. */
  maxJsonBytes: number
  logLevel: string
  /** Trust X-Forwarded-* from a reverse proxy (nginx) in front. */
  trustProxy: boolean
  /**
   * The hosts service layers may reach, written into the served page's CSP; null keeps the policy
   * the app was built with.
   */
  serviceHosts: string[] | null
}

export const CONFIG_VARS: { name: string; default: string; meaning: string }[] = [
  { name: 'PORT', default: '4173', meaning: 'TCP port' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'address to listen on (0.0.0.0 for all interfaces)' },
  {
    name: 'DATABASE_URL',
    default: '(empty)',
    meaning: 'postgres://user:pass@host:5432/db → PostgreSQL; empty → PGlite',
  },
  { name: 'DATA_DIR', default: 'var/db', meaning: "PGlite's data folder" },
  { name: 'STATIC_DIR', default: 'dist', meaning: 'the built app served at /' },
  { name: 'SESSION_TTL', default: '28800', meaning: 'seconds a session lives after login' },
  { name: 'COOKIE_SECURE', default: 'false', meaning: 'mark the session cookie Secure (true behind https)' },
  { name: 'LOGIN_MAX_FAILURES', default: '10', meaning: 'wrong passwords in a row before an account is locked' },
  { name: 'LOCK_SECONDS', default: '900', meaning: 'how long a locked account stays locked' },
  { name: 'LOGIN_RATE_PER_MINUTE', default: '30', meaning: 'login attempts per client address per minute' },
  { name: 'MAX_PROJECT_BYTES', default: '209715200', meaning: 'largest project zip accepted (bytes; over → 413)' },
  { name: 'MAX_PROJECT_UNPACKED_BYTES', default: '1073741824', meaning: 'largest total a project may unpack to' },
  { name: 'MAX_JSON_BYTES', default: '65536', meaning: 'largest JSON request body (bytes; over → 413)' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'pino level: fatal, error, warn, info, debug, trace, silent' },
  { name: 'TRUST_PROXY', default: 'false', meaning: 'trust X-Forwarded-For/Proto from a reverse proxy' },
  {
    name: 'SERVICE_HOSTS',
    default: "(the build's)",
    meaning:
      'hosts service layers may reach, e.g. "https://map.zj.gov.cn http://10.1.2.3:8080"; written into the CSP of the page served',
  },
]

export class ConfigError extends Error {
  override name = 'ConfigError'
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(`${name}=${raw}: expected a whole number from ${min} to ${max}`)
  return value
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (/^(1|true|yes|on)$/i.test(raw)) return true
  if (/^(0|false|no|off)$/i.test(raw)) return false
  throw new ConfigError(`${name}=${raw}: expected true or false`)
}

function serviceHosts(raw: string | undefined): string[] | null {
  if (raw === undefined || raw.trim() === '') return null
  try {
    return parseServiceHosts(raw)
  } catch (error) {
    throw new ConfigError((error as Error).message)
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const databaseUrl = env.DATABASE_URL ?? ''
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new ConfigError('DATABASE_URL must start with postgres:// (or be empty for the embedded PGlite)')
  return {
    port: int(env, 'PORT', 4173, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir: resolve(cwd, env.DATA_DIR || 'var/db'),
    staticDir: resolve(cwd, env.STATIC_DIR || 'dist'),
    sessionTtlSeconds: int(env, 'SESSION_TTL', 8 * 3600, 60, 30 * 24 * 3600),
    cookieSecure: bool(env, 'COOKIE_SECURE', false),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 10, 1, 1000),
    lockSeconds: int(env, 'LOCK_SECONDS', 15 * 60, 1, 7 * 24 * 3600),
    loginRatePerMinute: int(env, 'LOGIN_RATE_PER_MINUTE', 30, 1, 100_000),
    maxProjectBytes: int(env, 'MAX_PROJECT_BYTES', 200 * 1024 * 1024, 1024, 2 ** 31 - 1),
    maxProjectUnpackedBytes: int(env, 'MAX_PROJECT_UNPACKED_BYTES', 1024 * 1024 * 1024, 1024, 2 ** 32),
    maxJsonBytes: int(env, 'MAX_JSON_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: bool(env, 'TRUST_PROXY', false),
    serviceHosts: serviceHosts(env.SERVICE_HOSTS),
  }
}
