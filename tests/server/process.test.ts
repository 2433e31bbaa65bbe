/**
 * The whole life of a server, as a person runs it: the first admin from the command line, logging
 * in, publishing, a restart that keeps everything, a kill -9 in the middle of a publication (inside
 * its transaction, and halfway through the upload) after which the old version is still the one
 * served, whole; and the backup/restore commands.
 */
import { existsSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyDatabase, type DatabaseCopy } from './support/context'
import { projectZip } from './support/projects'
import { partialUpload, runCli, startServer, type Running } from './support/server-process'

const ADMIN_PASSWORD = 'first-admin-2026'
let copy: DatabaseCopy
let env: Record<string, string>
const running: Running[] = []

beforeAll(async () => {
  copy = await copyDatabase()
  env = {
    DATA_DIR: copy.dataDir || join(tmpdir(), 'unused'),
    DATABASE_URL: copy.databaseUrl,
    STATIC_DIR: '/nonexistent',
    MAX_PROJECT_BYTES: String(4 * 1024 * 1024),
  }
})
afterAll(async () => {
  for (const server of running) if (server.child.exitCode === null) await server.kill9()
  await copy?.drop()
})

async function start(extra: Record<string, string> = {}) {
  const server = await startServer({ ...env, ...extra })
  running.push(server)
  return server
}

async function loginTo(url: string, name: string, password: string) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  })
  expect(response.status).toBe(200)
  const cookie = /jd_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0]
  const { csrfToken } = (await response.json()) as { csrfToken: string }
  return { cookie, 'x-csrf-token': csrfToken }
}

const publish = (url: string, headers: Record<string, string>, zip: Uint8Array, note: string) =>
  fetch(`${url}/api/projects`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/zip', 'x-note': encodeURIComponent(note) },
    body: Buffer.from(zip),
  })

async function versions(url: string, headers: Record<string, string>) {
  const response = await fetch(`${url}/api/projects`, { headers })
  return ((await response.json()) as { versions: { version: number; isCurrent: boolean }[] }).versions
}

const V1 = projectZip('version one')

describe('a server, from the first admin to a crash', () => {
  it('adds users from the command line (password from NEW_PASSWORD), refusing bad input', () => {
    const users = 'server/session/cli.ts'
    const add = runCli(users, ['add', 'root', '--role', 'admin'], { ...env, NEW_PASSWORD: ADMIN_PASSWORD })
    expect(add.stderr + add.stdout).toMatch(/added root \(admin\)/)
    expect(add.status).toBe(0)
    const handler = runCli(users, ['add', 'caozhai', '--role', 'handler', '--township', '曹宅镇'], {
      ...env,
      NEW_PASSWORD: 'handler-pass-77',
    })
    expect(handler.status).toBe(0)
    // (An unknown township is refused by the same createUser: see session.test.ts.)
    const weak = runCli(users, ['add', 'weak', '--role', 'viewer'], { ...env, NEW_PASSWORD: 'short' })
    expect(weak.status).toBe(1)
    expect(weak.stderr).toMatch(/至少 10 个字符/)
    const list = runCli(users, ['list'], env)
    expect(list.stdout).toMatch(/caozhai\thandler\t曹宅镇\tactive/)
    expect(list.stdout).toMatch(/root\tadmin\t-\tactive/)
  }, 400_000)

  it('serves the API; a publication and a session survive a restart', async () => {
    const a = await start()
    const health = await fetch(`${a.url}/api/health`)
    expect(await health.json()).toMatchObject({ database: 'ok', migrations: 'current' })
    const admin = await loginTo(a.url, 'root', ADMIN_PASSWORD)
    expect((await publish(a.url, admin, V1, '第一版')).status).toBe(201)
    expect(await a.stop()).toBe(0)
    expect(a.output()).toMatch(/shutting down/)

    const b = await start()
    const current = await fetch(`${b.url}/api/projects/current`)
    expect(current.status).toBe(200)
    expect(new Uint8Array(await current.arrayBuffer())).toEqual(V1)
    // The session lives in the database, not in the process: the same cookie still works.
    const me = await fetch(`${b.url}/api/session`, { headers: admin })
    expect(me.status).toBe(200)
    expect(await b.stop()).toBe(0)
  }, 400_000)

  it('a kill -9 inside the publication transaction leaves the old version, whole', async () => {
    const c = await start({ JD_FAULT_INJECT: 'publish-in-transaction' })
    const admin = await loginTo(c.url, 'root', ADMIN_PASSWORD)
    const pending = publish(c.url, admin, projectZip('version two'), '第二版').catch((error: Error) => error)
    await c.waitFor(/fault-inject: paused at publish-in-transaction/)
    await c.kill9()
    expect(await pending).toBeInstanceOf(Error)

    const d = await start()
    const list = await versions(d.url, admin)
    expect(list.map((v) => v.version)).toEqual([1])
    expect(list[0]!.isCurrent).toBe(true)
    const current = await fetch(`${d.url}/api/projects/current`)
    expect(new Uint8Array(await current.arrayBuffer())).toEqual(V1)

    // Then halfway through an upload.
    await partialUpload(d.url, admin, 3 * 1024 * 1024, 1024 * 1024)
    await d.kill9()
    const e = await start()
    expect((await versions(e.url, admin)).map((v) => v.version)).toEqual([1])
    // And the server is well: the next publication works.
    const next = await publish(e.url, admin, projectZip('version two'), '第二版')
    expect(next.status).toBe(201)
    expect(((await next.json()) as { version: { version: number } }).version.version).toBe(2)
    const audit = await fetch(`${e.url}/api/audit?kind=project`, { headers: admin })
    const kinds = ((await audit.json()) as { entries: { target: string }[] }).entries.map((x) => x.target)
    expect(kinds).toEqual(['project/2', 'project/1'])
    expect(await e.stop()).toBe(0)
  }, 400_000)

  it('backs up and restores with `npm run db`', async () => {
    const db = 'server/db/cli.ts'
    const file = join(mkdtempSync(join(tmpdir(), 'jd-cli-backup-')), 'backup.jsonl')
    const taken = runCli(db, ['backup', file], env)
    expect(taken.status).toBe(0)
    expect(existsSync(file)).toBe(true)
    const target = await copyDatabase()
    try {
      const targetEnv = { ...env, DATA_DIR: target.dataDir || env.DATA_DIR!, DATABASE_URL: target.databaseUrl }
      const restored = runCli(db, ['restore', file], targetEnv)
      expect(restored.stderr).toBe('')
      expect(restored.stdout).toMatch(/"users":2/)
      expect(restored.stdout).toMatch(/"projects":2/)
      const again = runCli(db, ['restore', file], targetEnv)
      expect(again.status).toBe(1)
      expect(again.stderr).toMatch(/not empty/)
    } finally {
      await target.drop()
    }
  }, 400_000)
})
