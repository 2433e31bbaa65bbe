/**
 * Builds the render harness when its sources or MapLibre changed since the last build (a stamp file
 * in its output folder records the hash), then serves it on 127.0.0.1 for the render suite.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build, preview, type PreviewServer } from 'vite'
import type { TestProject } from 'vitest/node'
import { HARNESS_OUT_DIR } from '../harness/vite.config'

const HARNESS_DIR = resolve(import.meta.dirname, '../harness')
const CONFIG = join(HARNESS_DIR, 'vite.config.ts')

let server: PreviewServer | undefined

function sourceHash(): string {
  const hash = createHash('sha256')
  const inputs = ['index.html', 'harness.ts', 'vite.config.ts'].map((name) => join(HARNESS_DIR, name))
  inputs.push(resolve(HARNESS_DIR, '../../../node_modules/maplibre-gl/package.json'))
  for (const path of inputs) hash.update(readFileSync(path))
  return hash.digest('hex')
}

export async function setup(project: TestProject) {
  const stampPath = join(HARNESS_OUT_DIR, 'stamp.txt')
  const hash = sourceHash()
  if (!existsSync(stampPath) || readFileSync(stampPath, 'utf8') !== hash) {
    await build({ configFile: CONFIG })
    writeFileSync(stampPath, hash)
  }
  server = await preview({ configFile: CONFIG, preview: { host: '127.0.0.1', port: 4299, strictPort: false } })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report a URL for the render harness')
  project.provide('renderBaseUrl', url)
}

export async function teardown() {
  await server?.close()
}

declare module 'vitest' {
  export interface ProvidedContext {
    renderBaseUrl: string
  }
}
