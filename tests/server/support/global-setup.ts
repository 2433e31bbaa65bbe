/**
 * Once per run: a PGlite data folder migrated and seeded (creating PostGIS in PGlite takes 10–40 s,
 * so it is done once and each test file copies the folder), and, for the PostgreSQL project, a
 * template database that each test file clones with CREATE DATABASE … TEMPLATE.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { prepareDatabase } from '../../../server/db/prepare'
import { adminUrl, PG_TEMPLATE } from './postgres'

let folder: string | undefined

export async function setup(project: TestProject) {
  folder = mkdtempSync(join(tmpdir(), 'jd-server-template-'))
  const templateDir = join(folder, 'db')
  const db = await prepareDatabase({ databaseUrl: '', dataDir: templateDir })
  await db.close()
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
