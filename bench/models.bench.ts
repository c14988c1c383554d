// Benchmarks for the decision models: a 10-state Markov model, 40 cycles,
// 10,000 PSA draws, 3 strategies (target: under 2 s on one core).
import { runMarkovModel, runModelPsa, runPartitionedSurvival, type RunModelPsaInput } from "./lib.js";
import { ms, perUnit, time, type BenchRow } from "./harness.js";

const STATES = ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "Dead"];

function tenStateModel(rr: number, drugCost: number) {
  const matrix: Record<string, Record<string, unknown>> = {};
  STATES.forEach((s, i) => {
    if (s === "Dead") {
      matrix[s] = { Dead: 1 };
      return;
    }
    const row: Record<string, unknown> = { [s]: "complement", Dead: { param: "pDeath" } };
    const next = STATES[i + 1];
    if (next !== undefined && next !== "Dead") row[next] = { mul: [{ param: `pProg${i + 1}` }, { param: "rr" }, rr] };
    matrix[s] = row;
  });
  const alive = STATES.filter((s) => s !== "Dead");
  return {
    type: "markov" as const,
    states: STATES,
    initial: { S1: 1 },
    cycles: 40,
    counting: "life-table" as const,
    transitions: [{ matrix }],
    streams: {
      cost: { values: Object.fromEntries(alive.map((s, i) => [s, { add: [{ param: `cost${i + 1}` }, drugCost] }])), discountRate: 0.05, currency: "CNY" },
      qaly: { values: Object.fromEntries(alive.map((s, i) => [s, { param: `u${i + 1}` }])), discountRate: 0.05 },
      ly: { values: Object.fromEntries(alive.map((s) => [s, 1])) },
    },
  };
}

export function benchPsaInput(draws: number): RunModelPsaInput {
  const parameters: Record<string, unknown> = {
    pDeath: { distribution: { type: "beta", alpha: 5, beta: 95 } },
    rr: { value: 1, distribution: { type: "lognormal", meanlog: 0, sdlog: 0.1 } },
  };
  for (let i = 1; i <= 9; i++) {
    parameters[`pProg${i}`] = { distribution: { type: "beta", alpha: 10 + i, beta: 90 } };
    parameters[`cost${i}`] = { distribution: { type: "gamma", shape: 16, scale: 500 * i } };
    parameters[`u${i}`] = { distribution: { type: "beta", alpha: 90 - 5 * i, beta: 10 + 5 * i } };
  }
  return {
    draws,
    seed: 2026,
    parameters: parameters as RunModelPsaInput["parameters"],
    strategies: [
      { name: "Standard", model: tenStateModel(1, 0) as never },
      { name: "Targeted", model: tenStateModel(0.7, 30000) as never },
      { name: "Targeted+test", model: tenStateModel(0.6, 42000) as never },
    ],
  };
}

/** Runs the models benchmarks. */
export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const input = benchPsaInput(10_000);
  const psa = time(() => runModelPsa(input), { samples: 3, warmup: 1 });
  rows.push({
    name: "models: Markov PSA, 10 states × 40 cycles × 10,000 draws × 3 strategies",
    result: ms(psa.medianMs),
    note: `${perUnit(psa.medianMs, 30_000, "model run")}; 29 sampled parameters per draw; target < 2 s on one core; median of ${psa.samples}`,
  });
  const { strategies } = benchPsaInput(1);
  const det = strategies[0]?.model as unknown as Parameters<typeof runMarkovModel>[0];
  const one = time(() => runMarkovModel({ ...det, parameters: input.parameters }), { samples: 21, warmup: 5 });
  rows.push({ name: "models: deterministic 10-state Markov run with trace and explanation", result: ms(one.medianMs), note: "includes schema parsing" });
  const ps = time(
    () =>
      runPartitionedSurvival({
        cycles: 520,
        cycleLength: 1,
        timeUnit: "week",
        pfs: { type: "weibull", shape: 1.2, scale: 60 },
        os: { type: "log-normal", meanlog: 4.8, sdlog: 0.9 },
        streams: { qaly: { per: "year", values: { PF: 0.8, PD: 0.6 } }, cost: { values: { PF: "5000", PD: "1200" }, currency: "CNY" } },
      }),
    { samples: 21, warmup: 5 },
  );
  rows.push({ name: "models: partitioned survival, 520 weekly cycles (Weibull PFS, log-normal OS)", result: ms(ps.medianMs) });
  return rows;
}
