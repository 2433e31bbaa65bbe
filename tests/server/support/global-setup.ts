/**
 * Once per run: a PGlite data folder migrated and seeded (creating PostGIS in PGlite takes 10–40 s,
 * so it is done once and each test file copies the folder), and, for the PostgreSQL project, a
 * template database that each test file clones with CREATE DATABASE … TEMPLATE.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { listMigrations } from '../../../server/db/migrate'
import { prepareDatabase } from '../../../server/db/prepare'
import { TOWNS_FILE } from '../../../server/db/seed'
import { adminUrl, PG_TEMPLATE } from './postgres'

let folder: string | undefined

/**
 * The migrated PGlite folder is kept between runs in node_modules/.cache, under a key made of what
 * it is built from (the migrations, the towns file, PGlite's version): a change to any makes a new one.
 */
function templateKey(): string {
  const hash = createHash('sha256')
  for (const m of listMigrations()) hash.update(`${m.version}:${m.checksum}\n`)
  hash.update(readFileSync(TOWNS_FILE))
  hash.update(readFileSync('node_modules/@electric-sql/pglite/package.json'))
  hash.update(readFileSync('node_modules/@electric-sql/pglite-postgis/package.json'))
  return hash.digest('hex').slice(0, 16)
}

export async function setup(project: TestProject) {
  const cache = resolve('node_modules/.cache/jindong-server-tests')
  const templateDir = join(cache, templateKey())
  if (!existsSync(join(templateDir, 'PG_VERSION'))) {
    mkdirSync(cache, { recursive: true })
    folder = mkdtempSync(join(cache, 'building-'))
    const building = join(folder, 'db')
    const db = await prepareDatabase({ databaseUrl: '', dataDir: building })
    await db.close()
    rmSync(templateDir, { recursive: true, force: true })
    renameSync(building, templateDir)
  }
  project.provide('templateDir', templateDir)
  if (project.name === 'server-pg') {
    const url = process.env.TEST_DATABASE_URL
    if (!url) throw new Error('server-pg needs TEST_DATABASE_URL')
    const pg = await import('pg')
    const client = new pg.default.Client({ connectionString: url })
    await client.connect()
    await client.query(`drop database if exists ${PG_TEMPLATE}`)
    await client.query(`create database ${PG_TEMPLATE}`)
    await client.end()
    const template = await prepareDatabase({ databaseUrl: adminUrl(url, PG_TEMPLATE), dataDir: '' })
    await template.close()
  }
}

export async function teardown() {
  if (folder) rmSync(folder, { recursive: true, force: true })
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDir: string
  }
}
