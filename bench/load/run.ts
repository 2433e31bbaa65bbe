/**
 * `npm run bench:load`: 200 concurrent viewers and 20 writers against the real server on
 * 127.0.0.1, on PGlite and (when BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL whose
 * role may CREATE DATABASE) on PostgreSQL, in the same run. Bounded in time: LOAD_SECONDS per
 * backend (default 20). Viewers fetch the published project (a ~200 kB zip), the township
 * boundaries, the township list and the health check; writers add township notes (18 connections)
 * and publish projects (2 connections). Prints p50/p95/p99 latency and errors per group, and the
 * machine's load; writes bench/results/load-<time>.json. Not part of `npm test`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import autocannon from 'autocannon'
import { strToU8, zipSync } from 'fflate'
import type { Db } from '../../server/db/connection'
import { prepareDatabase } from '../../server/db/prepare'
import { createUser } from '../../server/session/users'

const SECONDS = Number(process.env.LOAD_SECONDS ?? 20)
const VIEWERS = Number(process.env.LOAD_VIEWERS ?? 200)
const WRITERS = Number(process.env.LOAD_WRITERS ?? 20)
const PUBLISHERS = Math.min(2, WRITERS)
const PASSWORD = 'bench-password-1'
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || ''

interface Group {
  name: string
  latencies: number[]
  statuses: Record<string, number>
  errors: number
  timeouts: number
  requests: number
  sent: number
}

function projectZip(points: number): Uint8Array {
  const features = Array.from({ length: points }, (_, i) => ({
    type: 'Feature',
    properties: { id: i, name: `站点 ${i}`, value: Math.round(Math.sin(i) * 1000) / 10 },
    geometry: { type: 'Point', coordinates: [119.6 + (i % 100) / 500, 29.0 + Math.floor(i / 100) / 500] },
  }))
  const project = {
    format: 'jindong-eco-map-project',
    version: 1,
    app: 'bench',
    savedAt: new Date().toISOString(),
    view: {},
    layers: [
      {
        id: 'user-1',
        fileName: 'points.geojson',
        name: 'Points',
        addedAt: new Date().toISOString(),
        visible: true,
        opacity: 1,
        data: 'layers/user-1.geojson',
      },
    ],
    replacements: [],
    indicators: [],
  }
  return zipSync({
    'project.json': strToU8(JSON.stringify(project)),
    'layers/user-1.geojson': strToU8(JSON.stringify({ type: 'FeatureCollection', features })),
  })
}

async function pgDatabase(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const pg = await import('pg')
  const name = `jd_bench_${randomBytes(4).toString('hex')}`
  const run = async (text: string) => {
    const client = new pg.default.Client({ connectionString: base })
    await client.connect()
    try {
      await client.query(text)
    } finally {
      await client.end()
    }
  }
  await run(`create database ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) }
}

/** A PGlite folder: a copy of the tests' cached template when there is one, else migrated here. */
async function pgliteFolder(): Promise<{ dataDir: string; drop: () => Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'jd-bench-'))
  const dataDir = join(folder, 'db')
  const cache = resolve('node_modules/.cache/jindong-server-tests')
  const cached = existsSync(cache)
    ? readdirSync(cache).find((d) => existsSync(join(cache, d, 'PG_VERSION')))
    : undefined
  if (cached) cpSync(join(cache, cached), dataDir, { recursive: true })
  else await (await prepareDatabase({ databaseUrl: '', dataDir })).close()
  return { dataDir, drop: async () => rmSync(folder, { recursive: true, force: true }) }
}

async function seedUsers(db: Db) {
  const by = { userId: null, name: 'bench' }
  await createUser(db.k, { name: 'bench-admin', role: 'admin', password: PASSWORD }, by)
  await createUser(db.k, { name: 'bench-inspector', role: 'inspector', password: PASSWORD }, by)
}

function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: process.env.LOAD_LOG_LEVEL || 'warn',
      STATIC_DIR: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolveStart, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (process.env.LOAD_DEBUG) process.stderr.write(chunk)
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/i.exec(output)
      if (match) resolveStart({ url: match[1]!, child })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${output.slice(-2000)}`)))
  })
}

async function login(url: string, name: string) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: PASSWORD }),
  })
  if (response.status !== 200) throw new Error(`login ${name}: ${response.status}`)
  const cookie = /jd_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0]
  return { cookie, 'x-csrf-token': ((await response.json()) as { csrfToken: string }).csrfToken }
}

function cannon(name: string, options: autocannon.Options): Promise<Group> {
  const group: Group = { name, latencies: [], statuses: {}, errors: 0, timeouts: 0, requests: 0, sent: 0 }
  if (!options.connections) return Promise.resolve(group)
  return new Promise((resolveRun, reject) => {
    const instance = autocannon({ timeout: 30, ...options }, (error, result) => {
      if (error) return reject(error)
      group.errors = result.errors
      group.timeouts = result.timeouts
      group.requests = result.requests.total
      group.sent = result.requests.sent
      resolveRun(group)
    })
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      group.latencies.push(responseTime)
      group.statuses[statusCode] = (group.statuses[statusCode] ?? 0) + 1
    })
  })
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN

function summarise(group: Group) {
  const sorted = [...group.latencies].sort((a, b) => a - b)
  const non2xx = Object.entries(group.statuses)
    .filter(([status]) => !/^2|^304$/.test(status))
    .reduce((sum, [, n]) => sum + n, 0)
  return {
    group: group.name,
    responses: sorted.length,
    perSecond: Math.round(sorted.length / SECONDS),
    p50: Math.round(percentile(sorted, 50)),
    p95: Math.round(percentile(sorted, 95)),
    p99: Math.round(percentile(sorted, 99)),
    errors: group.errors + non2xx,
    timeouts: group.timeouts,
    /** Sent but not answered when the time was up (cut off, not failed). */
    unanswered: Math.max(0, group.sent - sorted.length),
    statuses: group.statuses,
  }
}

const t0 = Date.now()
const step = (what: string) => console.log(`  [${((Date.now() - t0) / 1000).toFixed(1)} s] ${what}`)

async function runBackend(backend: 'pglite' | 'postgres') {
  step('preparing the database')
  const database =
    backend === 'pglite'
      ? { ...(await pgliteFolder()), url: '' }
      : { ...(await pgDatabase(pgUrl)), dataDir: join(tmpdir(), 'unused') }
  const db =
    backend === 'pglite'
      ? await prepareDatabase({ databaseUrl: '', dataDir: database.dataDir })
      : await prepareDatabase({ databaseUrl: database.url, dataDir: '' })
  step('adding users')
  await seedUsers(db)
  await db.close()
  step('starting the server')
  const { url, child } = await startServer({
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.url,
    LOGIN_RATE_PER_MINUTE: '100000',
  })
  try {
    const admin = await login(url, 'bench-admin')
    const inspector = await login(url, 'bench-inspector')
    const zip = Buffer.from(projectZip(2000))
    const first = await fetch(`${url}/api/projects`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/zip' },
      body: zip,
    })
    if (first.status !== 201) throw new Error(`first publish: ${first.status} ${await first.text()}`)
    step('loading')
    const load0 = loadavg()[0]!
    // The writers connect first: under this much load a late connection can wait behind 200 busy ones.
    const writing = [
      cannon('writers: notes', {
        url,
        connections: WRITERS - PUBLISHERS,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            path: '/api/townships/330703103/notes',
            headers: { ...inspector, 'content-type': 'application/json' },
            body: JSON.stringify({ body: '巡查记录：河道清洁，无异味。' }),
          },
        ],
      }),
      cannon('writers: publish', {
        url,
        connections: PUBLISHERS,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            path: '/api/projects',
            headers: { ...admin, 'content-type': 'application/zip', 'x-note': 'bench' },
            body: zip,
          },
        ],
      }),
    ]
    await new Promise((r) => setTimeout(r, 1000))
    const viewing = cannon('viewers', {
      url,
      connections: VIEWERS,
      duration: SECONDS,
      requests: [
        { method: 'GET', path: '/api/projects/current' },
        { method: 'GET', path: '/api/townships/boundaries' },
        { method: 'GET', path: '/api/townships' },
        { method: 'GET', path: '/api/health' },
      ],
    })
    const [notes, publishers] = await Promise.all(writing)
    const viewers = await viewing
    const load1 = loadavg()[0]!
    return {
      backend,
      zipBytes: zip.byteLength,
      loadBefore: load0,
      loadAfter: load1,
      groups: [viewers, notes!, publishers!].map(summarise),
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    await database.drop()
  }
}

const backends: ('pglite' | 'postgres')[] = ['pglite', ...(pgUrl ? (['postgres'] as const) : [])]
const started = new Date()
const results = []
for (const backend of backends) {
  console.log(`\n${backend}: ${VIEWERS} viewers + ${WRITERS} writers for ${SECONDS} s …`)
  const result = await runBackend(backend)
  results.push(result)
  console.log(`load average ${result.loadBefore.toFixed(2)} → ${result.loadAfter.toFixed(2)} on ${cpus().length} cores`)
  console.log('| group | responses | /s | p50 ms | p95 ms | p99 ms | errors | timeouts | unanswered at end |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const g of result.groups)
    console.log(
      [g.group, g.responses, g.perSecond, g.p50, g.p95, g.p99, g.errors, g.timeouts, g.unanswered]
        .join(' | ')
        .replace(/^/, '| ') + ' |',
    )
}
if (!pgUrl) console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL)')
mkdirSync('bench/results', { recursive: true })
const file = `bench/results/load-${started.toISOString().replace(/[:.]/g, '-')}.json`
writeFileSync(
  file,
  JSON.stringify(
    { started, seconds: SECONDS, viewers: VIEWERS, writers: WRITERS, cores: cpus().length, results },
    null,
    2,
  ),
)
console.log(`\nwritten ${file}`)
