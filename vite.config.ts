import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { publishedProject } from './scripts/published-project.ts'
import { chunkModules } from './scripts/budget/chunk-modules.ts'
import { contentSecurityPolicyPlugin } from './scripts/content-security-policy.ts'
import { precompressPlugin } from './scripts/precompress.ts'
import { preloadDataPlugin } from './scripts/preload-data.ts'

// Relative base: the built app works from any sub-path or straight from dist/ on a file server.
export default defineConfig({
  base: './',
  // data/project.zip, when the bureau has put one there, becomes every visitor's default map.
  // chunks.json lists each chunk's packages, for the first-view budget (scripts/budget).
  // SERVICE_HOSTS: the hosts service layers may reach, written into index.html's CSP.
  // The first view's data is preloaded with the page (scripts/preload-data.ts).
  plugins: [
    vue(),
    publishedProject(),
    chunkModules(),
    contentSecurityPolicyPlugin(),
    preloadDataPlugin(),
    precompressPlugin(),
  ],
  // Every component is <script setup>: Vue's Options API and devtools hooks are left out of the bundle.
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What every part uses (Vue, pinia, our translator with its Chinese messages) in one chunk: left to
          // itself the bundler splits it into several first-view requests once many lazily loaded parts share
          // it (perf-budget.json counts requests).
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ },
            {
              name: 'framework',
              test: /node_modules[\\/](@vue|pinia)[\\/]|plugin-vue:export-helper|src[\\/]i18n[\\/](index|zh-CN|bilingual)\./,
            },
            // The townships' indicators with the natural-breaks loader they and the user styles share, and the
            // view store: left to itself the bundler gave each of these 0.2-0.3 kB modules, which parts loaded
            // later also import, a first-view request of its own.
            {
              name: 'indicators',
              test: /src[\\/](stores[\\/](indicators|view)|composables[\\/]natural-breaks-loader)\./,
            },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
})
