/**
 * A test file's own database (a copy of the run's template: a PGlite folder, or a PostgreSQL
 * database cloned from the template) and an app on it, with a clock the test moves.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { buildApp, type App } from '../../../server/app'
import { loadConfig, type Config } from '../../../server/config'
import { openDatabase, type Db } from '../../../server/db/connection'
import type { Role } from '../../../server/db/schema'
import { createUser } from '../../../server/session/users'
import { adminUrl, PG_TEMPLATE } from './postgres'

export const BACKEND = (process.env.TEST_BACKEND ?? 'pglite') as 'pglite' | 'postgres'
/** Cheap scrypt for tests (the real cost is DEFAULT_COST; the format and checks are the same). */
export const TEST_COST = { N: 2 ** 12, r: 8, p: 1 }
export const PASSWORD = 'correct-horse-42'

export interface DatabaseCopy {
  /** For PGlite: the data folder; for PostgreSQL: the database URL. */
  dataDir: string
  databaseUrl: string
  open(): Promise<Db>
  drop(): Promise<void>
}

/** A fresh copy of the migrated template, on this project's backend (or PGlite when asked). */
export async function copyDatabase(backend: 'pglite' | 'postgres' = BACKEND): Promise<DatabaseCopy> {
  if (backend === 'pglite') {
    const folder = mkdtempSync(join(tmpdir(), 'jd-server-test-'))
    const dataDir = join(folder, 'db')
    cpSync(inject('templateDir'), dataDir, { recursive: true })
    return {
      dataDir,
      databaseUrl: '',
      open: () => openDatabase({ databaseUrl: '', dataDir }),
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    }
  }
  const base = process.env.TEST_DATABASE_URL!
  const name = `jd_test_${randomBytes(6).toString('hex')}`
  const pg = await import('pg')
  const admin = async (text: string) => {
    const client = new pg.default.Client({ connectionString: base })
    await client.connect()
    try {
      await client.query(text)
    } finally {
      await client.end()
    }
  }
  await admin(`create database ${name} template ${PG_TEMPLATE}`)
  const databaseUrl = adminUrl(base, name)
  return {
    dataDir: '',
    databaseUrl,
    open: () => openDatabase({ databaseUrl, dataDir: '', poolSize: 4 }),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  }
}

export class TestClock {
  now = new Date('2026-12-01T08:00:00.000Z')
  advance(seconds: number) {
    this.now = new Date(this.now.getTime() + seconds * 1000)
  }
  read = () => new Date(this.now)
}

export interface TestContext {
  app: App
  db: Db
  config: Config
  clock: TestClock
  copy: DatabaseCopy
  addUser(name: string, role: Role, township?: string): Promise<void>
  /** Another app on the same database with other settings (closed with the context). */
  appWith(env: Record<string, string>): Promise<App>
  close(): Promise<void>
}

export const TEST_ENV = {
  LOG_LEVEL: 'silent',
  LOGIN_RATE_PER_MINUTE: '100000',
  MAX_PROJECT_BYTES: String(2 * 1024 * 1024),
  MAX_PROJECT_UNPACKED_BYTES: String(8 * 1024 * 1024),
  STATIC_DIR: '/nonexistent-static-dir',
}

export async function openContext(env: Record<string, string> = {}): Promise<TestContext> {
  const copy = await copyDatabase()
  const db = await copy.open()
  const config = loadConfig({ ...TEST_ENV, ...env })
  const clock = new TestClock()
  const app = await buildApp({ config, db, clock: clock.read, scryptCost: TEST_COST, logger: false })
  await app.ready()
  const others: App[] = []
  return {
    app,
    db,
    config,
    clock,
    copy,
    addUser: async (name, role, township) => {
      await createUser(
        db.k,
        { name, role, township, password: PASSWORD },
        { userId: null, name: 'test' },
        clock.read(),
        TEST_COST,
      )
    },
    appWith: async (more) => {
      const other = await buildApp({
        config: loadConfig({ ...TEST_ENV, ...env, ...more }),
        db,
        clock: clock.read,
        scryptCost: TEST_COST,
        logger: false,
      })
      others.push(other)
      await other.ready()
      return other
    },
    close: async () => {
      for (const other of others) await other.close()
      await app.close()
      await db.close()
      await copy.drop()
    },
  }
}
