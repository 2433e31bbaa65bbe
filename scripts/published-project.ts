/**
 * The published project: when `data/project.zip` exists (or the file PUBLISHED_PROJECT names, which
 * the tests use so that the repository itself never holds one), the build copies it into the output
 * under a content-hashed name and tells the app that name (import.meta.env.VITE_PUBLISHED_PROJECT);
 * the app then opens it at start-up for every visitor. Without the file nothing changes: the sample
 * data stays the default. It is not put in public/geo, which the geo build owns (its freshness test
 * compares that folder with a rebuild byte for byte).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'

export const DEFAULT_PUBLISHED_PROJECT = 'data/project.zip'

export function publishedProject(path = process.env.PUBLISHED_PROJECT || DEFAULT_PUBLISHED_PROJECT): Plugin {
  const file = resolve(path)
  const bytes = existsSync(file) ? readFileSync(file) : null
  const name = bytes ? `project-${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.zip` : ''
  return {
    name: 'jindong-published-project',
    config: () => ({ define: { 'import.meta.env.VITE_PUBLISHED_PROJECT': JSON.stringify(name) } }),
    configureServer(server) {
      // The dev server serves it under the same name, read fresh on each request.
      server.middlewares.use((request, response, next) => {
        if (!name || !request.url?.endsWith(`/${name}`)) return next()
        response.setHeader('Content-Type', 'application/zip')
        response.end(readFileSync(file))
      })
    },
    generateBundle() {
      if (bytes) this.emitFile({ type: 'asset', fileName: name, source: new Uint8Array(bytes) })
    },
  }
}
