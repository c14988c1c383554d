import { defineConfig } from "tsup";

// One entry per chapter (issue 13 item 5): `precision-vbp/money`, `/valuation`, … plus the
// root, which re-exports every chapter. Splitting puts shared modules into common chunks
// in both formats, so `precision-vbp/money` and `precision-vbp` hand out the same Money,
// the same error classes and the same currency registry (no duplicate module state).
export const chapters = ["core", "money", "valuation", "models", "contracts", "tiers", "budget", "care", "cohort", "plots"] as const;

export default defineConfig([
  {
    entry: { index: "src/index.ts", ...Object.fromEntries(chapters.map((c) => [c, `src/chapters/${c}.ts`])) },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "es2022",
    treeshake: true,
    splitting: true,
    // Cold start (issue 22 item 1): the few functions used from ml-matrix, date-fns and
    // pure-rand are bundled in, not imported: loading them as packages cost ~45 ms of
    // module resolution and file reads per process (one subpath of date-fns loads several
    // files), more than their code. zod and decimal.js stay external (shared with callers:
    // schemas compose with the caller's zod, Decimal is our public amount type).
    noExternal: ["ml-matrix", "date-fns", "pure-rand"],
    // ml-matrix's package entry is CommonJS (its .mjs re-exports the .cjs), run whole at
    // import in a wrapper; its ES sources let the bundle keep only what is used and hoist it.
    esbuildOptions(options) {
      options.alias = { ...options.alias, "ml-matrix": "./node_modules/ml-matrix/src/index.js" };
    },
  },
  {
    // The command-line tool: one ESM file with a shebang; Node built-ins stay external.
    entry: { cli: "cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    sourcemap: false,
    clean: false,
    splitting: false,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
