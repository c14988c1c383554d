// @ts-check
/**
 * Mutation testing (Stryker + vitest runner). See docs/quality-mutation.md.
 *
 *   npx stryker run                                    # every module (slow)
 *   npx stryker run --mutate 'src/money/**\/*.ts,src/core/**\/*.ts'
 *
 * Property tests run with PBT_SEED=42 PBT_RUNS=100 (vitest.stryker.config.ts),
 * so every mutant sees the same fast-check cases.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: {
    configFile: "vitest.stryker.config.ts",
    related: true,
  },
  // Run only the tests that execute a mutant (needs plain `it` + `fc.assert`).
  coverageAnalysis: "perTest",
  // The CI machine has 2 cores shared with other jobs.
  concurrency: 2,
  // Test files are always selected by glob per chapter (package.json mutation:* scripts),
  // never by hand-kept lists: a test file added to test/<chapter>/ is picked up as it is.
  mutate: [
    "src/kernel/**/*.ts",
    "src/money/**/*.ts",
    "src/core/**/*.ts",
    "src/contracts/**/*.ts",
    "src/tiers/**/*.ts",
    "src/budget/**/*.ts",
    "src/valuation/**/*.ts",
    "src/models/**/*.ts",
    "src/care/**/*.ts",
  ],
  // Busy shared machine: be generous before calling a mutant a timeout.
  timeoutMS: 20000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 20,
  // Static mutants sit in code that runs once when a module loads (schemas built at
  // import, the currency table, rounding-mode tables). Stryker can only test one by
  // reloading every module and re-running every test: ~1 minute each here, hours for a
  // module. They are skipped (reported as "ignored"); run them on demand with
  // `npx stryker run --ignoreStatic false ...`. See docs/quality-mutation.md.
  ignoreStatic: true,
  reporters: ["clear-text", "dots", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  // Don't copy build output, docs or reports into the sandbox (but docs/errors.md, which a
  // core test compares with the closed error-code table).
  ignorePatterns: ["dist", "docs", "!docs/errors.md", "docs-site", "coverage", "reports", ".ci/out", "*.tgz"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
};
