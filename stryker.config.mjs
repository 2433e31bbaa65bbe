// Mutation testing of the domain and the user-data slice (src/domain, src/user-data) against the unit tests:
// `npm run test:mutation`, not part of `npm test`. Incremental: a rerun only tests the mutants
// whose code or covering tests changed since reports/stryker-incremental.json was written.
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/domain/**/*.ts',
    'src/user-data/**/*.ts',
    // Not run in node, so not mutated:
    // - worker entry files: they only wire `self.onmessage` to code that is mutated
    //   (aggregation-protocol.ts, import-file.ts) and need a Worker global scope.
    '!src/user-data/**/*.worker.ts',
    // - ambient type declarations hold no code.
    '!src/**/*.d.ts',
  ],
  // Many unit tests build their fixtures at describe level (e.g. a whole sample year), where a
  // mutant is "static": it would need every related test file rerun in a fresh environment, which
  // here means days. Mutants reached only while test files load are reported as Ignored (and left
  // out of the score); those also reached inside a test run against the tests that reach them.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Two cores, shared with other builds: at most two test-runner processes.
  concurrency: 2,
  thresholds: { high: 90, low: 80, break: 80 },
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  // The sandbox lives outside the working tree so that `eslint .` run meanwhile does not lint
  // its mutated copies of the sources.
  tempDirName: join(tmpdir(), `stryker-${basename(process.cwd())}`),
  // Generous: on a loaded machine a fresh runner's first test run (cold transforms) can take tens of
  // seconds, and a timeout restarts the runner, so a tight limit cascades. Endless loops are still
  // caught early by Stryker's hit limit.
  timeoutMS: 60000,
  // The initial run is the whole unit suite with per-test coverage: about 4 minutes on two idle cores,
  // past Stryker's default 5 on a loaded machine.
  dryRunTimeoutMinutes: 30,
}
