/**
 * Builds the benchmark pages and serves them, and the app's own dist/, on 127.0.0.1 with Vite's
 * preview server, as tests/e2e/support/global-setup.ts serves the app.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { build, preview, type PreviewServer } from 'vite'

export const REPO_ROOT = resolve(import.meta.dirname, '../..')
const BENCH_CONFIG = resolve(REPO_ROOT, 'bench/vite.config.ts')

export async function buildBenchPages(): Promise<void> {
  await build({ configFile: BENCH_CONFIG, logLevel: 'warn' })
}

function urlOf(server: PreviewServer, what: string): string {
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error(`vite preview (${what}) did not report a URL`)
  return url
}

export interface Servers {
  appUrl: string
  benchUrl: string
  close(): Promise<void>
}

export async function startServers(): Promise<Servers> {
  if (!existsSync(resolve(REPO_ROOT, 'dist/index.html')))
    throw new Error('dist/ is missing: run `npm run build` (npm run bench does it first)')
  const app = await preview({
    root: REPO_ROOT,
    preview: { host: '127.0.0.1', port: 4299, strictPort: false },
    logLevel: 'warn',
  })
  const bench = await preview({
    configFile: BENCH_CONFIG,
    preview: { host: '127.0.0.1', port: 4298, strictPort: false },
    logLevel: 'warn',
  })
  return {
    appUrl: urlOf(app, 'app'),
    benchUrl: urlOf(bench, 'bench pages'),
    async close() {
      await Promise.all([app.close(), bench.close()])
    },
  }
}
