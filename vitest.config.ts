import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

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
    ],
  },
})
