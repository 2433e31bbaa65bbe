import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

/**
 * The server's tests (tests/server): against PGlite always, and against PostgreSQL too when
 * TEST_DATABASE_URL names a database whose role may CREATE DATABASE (.ci/run sets it up).
 * One template database is migrated per run (global setup) and copied for each test file.
 */
const serverProject = (name: string, backend: 'pglite' | 'postgres') => ({
  test: {
    name,
    environment: 'node' as const,
    include: ['tests/server/**/*.test.ts'],
    globalSetup: ['tests/server/support/global-setup.ts'],
    env: { TEST_BACKEND: backend },
    // One database engine at a time: CI has 2 cores, and PGlite's PostGIS takes seconds to open.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})

// Unit tests run in node; the end-to-end suite (tests/e2e) drives the built app in Chromium
// through its own runner, so it is kept out of vitest.
export default defineConfig({
  test: {
    projects: [
      {
        // The Vue plugin lets component tests import .vue files (they run in happy-dom).
        plugins: [vue()],
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // One browser at a time: CI has 2 cores and SwiftShader renders on the CPU.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'render',
          environment: 'node',
          include: ['tests/render/**/*.render.test.ts'],
          globalSetup: ['tests/render/support/global-setup.ts'],
          // One Chromium for all cases: SwiftShader renders on the CPU, and CI has 2 cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      serverProject('server', 'pglite'),
      ...(process.env.TEST_DATABASE_URL ? [serverProject('server-pg', 'postgres')] : []),
    ],
  },
})
