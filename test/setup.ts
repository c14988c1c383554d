import fc from "fast-check";

// Property runs: 1,000 by default; PBT_RUNS raises it for deep checks
// (npm run test:deep). PBT_SEED pins the seed, e.g. for mutation testing.
const runs = Number(process.env.PBT_RUNS ?? 1000);
const seed = process.env.PBT_SEED === undefined ? undefined : Number(process.env.PBT_SEED);
fc.configureGlobal({ numRuns: Number.isFinite(runs) && runs > 0 ? runs : 1000, ...(seed === undefined ? {} : { seed }) });
