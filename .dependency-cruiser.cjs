// Import rules of src (docs/architecture.md, "Layers and import rules"). Run:
//   npx depcruise src --config .dependency-cruiser.cjs
// A layer may import only layers below it:
//   kernel → money → core → chapters → cohort → index
// and a chapter may import another chapter only along the edges listed in CHAPTER_DEPS.
/** Chapters and the chapters each may import (a DAG: keep it one). */
const CHAPTER_DEPS = {
  contracts: [],
  tiers: [],
  budget: [],
  models: ["contracts"],
  valuation: ["models"],
  plots: ["valuation", "models"],
  care: ["contracts", "tiers"],
};
const CHAPTERS = Object.keys(CHAPTER_DEPS);
const alt = (names) => names.join("|");

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // Runtime imports only: a type-only import is erased at build time (a type may name its
    // kind files and be named by them, as the kind registries do).
    { name: "no-circular", severity: "error", comment: "The runtime import graph of src is a DAG.", from: { path: "^src/" }, to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } } },
    { name: "kernel-imports-nothing", severity: "error", comment: "The kernel imports no other part of the library.", from: { path: "^src/kernel/" }, to: { path: "^src/", pathNot: "^src/kernel/" } },
    { name: "money-imports-kernel-only", severity: "error", comment: "Money builds on the kernel alone.", from: { path: "^src/money/" }, to: { path: "^src/", pathNot: "^src/(kernel|money)/" } },
    { name: "core-imports-money-and-kernel", severity: "error", comment: "The shared mechanisms (bands, explain, schemas, parse) build on money and the kernel.", from: { path: "^src/core/" }, to: { path: "^src/", pathNot: "^src/(kernel|money|core)/" } },
    ...CHAPTERS.map((c) => ({
      name: `chapter-${c}`,
      severity: "error",
      comment: `${c} may import the kernel, money, core${CHAPTER_DEPS[c].length ? ` and ${CHAPTER_DEPS[c].join(", ")}` : ""}.`,
      from: { path: `^src/${c}/` },
      to: { path: "^src/", pathNot: `^src/(kernel|money|core|${alt([c, ...CHAPTER_DEPS[c]])})/` },
    })),
    { name: "cohort-on-top", severity: "error", comment: "Cohort settlement sits above every chapter; only the root index imports it.", from: { path: "^src/cohort/" }, to: { path: "^src/index\\.ts$" } },
    { name: "no-root-index-inside", severity: "error", comment: "Modules import each other, never the root index.", from: { path: "^src/.+/" }, to: { path: "^src/index\\.ts$" } },
    { name: "src-not-outside", severity: "error", comment: "The library does not import the CLI, tests, benches or scripts.", from: { path: "^src/" }, to: { path: "^(cli|test|bench|scripts|examples)/" } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
