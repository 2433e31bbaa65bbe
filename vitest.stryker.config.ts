import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The unit project alone, for Stryker (stryker.config.mjs): the same tests as `npm run test:unit`,
// without the e2e project, which needs a built app and a browser.
export default defineConfig({
  // Component tests import .vue files.
  plugins: [vue()],
  test: {
    name: 'unit',
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    // Instrumented code runs several times slower; the sample generators need the headroom, and on a
    // shared two-core machine under load a 60 s limit failed the initial run (k-nearest IDW).
    testTimeout: 300_000,
    // Timings that are printed, not asserted (tests/unit/domain/surface/idw.test.ts), are skipped: they
    // kill no mutant and, instrumented, take minutes.
    env: { UNIT_TIMINGS: 'off' },
  },
})
