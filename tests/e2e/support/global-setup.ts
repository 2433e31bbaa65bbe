/**
 * Serves the built app (dist/) on 127.0.0.1 for the end-to-end suite. `npm run test:e2e` builds
 * first; serving dist/ rather than the dev server tests what users get.
 */
import { existsSync } from 'node:fs'
import { preview, type PreviewServer } from 'vite'
import type { TestProject } from 'vitest/node'

let server: PreviewServer | undefined

export async function setup(project: TestProject) {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` (npm run test:e2e does it for you)')
  server = await preview({ preview: { host: '127.0.0.1', port: 4199, strictPort: false }, logLevel: 'warn' })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report a URL')
  project.provide('baseUrl', url)
}

export async function teardown() {
  await server?.close()
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}
