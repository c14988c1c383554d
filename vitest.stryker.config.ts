import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

// Vitest config used by Stryker (stryker.config.mjs). Mutation testing needs the
// property tests to be deterministic and cheap: every mutant re-runs the tests
// that cover it, so fast-check uses a fixed seed and 100 runs per property
// (test/setup.ts reads PBT_SEED / PBT_RUNS). Values already set in the
// environment win, e.g. `PBT_RUNS=1000 npx stryker run` for a stronger run.
export default mergeConfig(
  base,
  defineConfig({
    // Library modules get vitest.stryker.eager-schemas.ts for src/kernel/lazy-schema.ts:
    // schemas built at import, so a mutant in a schema is static (ignored) rather than a
    // survivor no test could kill (the schema would be built once per worker, before
    // most mutants are switched on). Test files still import the real module.
    plugins: [
      {
        name: "stryker-eager-schemas",
        enforce: "pre",
        resolveId(source: string, importer: string | undefined) {
          if (importer === undefined || !/[\\/]src[\\/]/.test(importer)) return null;
          if (!/[\\/]kernel[\\/]lazy-schema(\.js|\.ts)?$/.test(source)) return null;
          return fileURLToPath(new URL("./vitest.stryker.eager-schemas.ts", import.meta.url));
        },
      },
    ],
    test: {
      // The fuzz suites (test/fuzz) only check "valid result or typed error" on junk
      // input and pin no values, so they kill almost no mutants but cost run time;
      // the mutation score is earned by the behaviour tests.
      exclude: ["**/node_modules/**", "test/fuzz/**"],
      // Stryker re-runs the covering tests for every mutant; importing the library once
      // per worker instead of once per test file halves the cost of each run. Mutants
      // are switched on at run time (no module state), so sharing the import is safe.
      isolate: false,
      env: {
        PBT_SEED: process.env.PBT_SEED ?? "42",
        PBT_RUNS: process.env.PBT_RUNS ?? "100",
      },
    },
  }),
);
