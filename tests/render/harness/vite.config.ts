/**
 * Builds the render-test page into test-results/render-harness (never dist/, which the e2e suite
 * serves). tests/render/support/global-setup.ts builds it when its sources change and serves it.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

export const HARNESS_OUT_DIR = resolve(import.meta.dirname, '../../../test-results/render-harness')

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  preview: { host: '127.0.0.1' },
  build: { outDir: HARNESS_OUT_DIR, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 3000 },
  worker: { format: 'es' },
})
