/**
 * Builds the benchmark pages (bench/pages/*.html) into bench/dist, served by `vite preview` with
 * this config. public/ is the app's own, so the pages load the same /geo/* files the app does.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

const pages = resolve(import.meta.dirname, 'pages')

export default defineConfig({
  root: pages,
  base: './',
  publicDir: resolve(import.meta.dirname, '../public'),
  logLevel: 'warn',
  preview: { host: '127.0.0.1' },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      input: {
        heatmap: resolve(pages, 'heatmap.html'),
        aggregate: resolve(pages, 'aggregate.html'),
        'bare-map': resolve(pages, 'bare-map.html'),
        'same-layers': resolve(pages, 'same-layers.html'),
        'big-file': resolve(pages, 'big-file.html'),
      },
    },
  },
  worker: { format: 'es' },
})
