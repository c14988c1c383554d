// The four-state HIV model of Chancellor et al. (1997) as set out in Briggs, Claxton
// & Sculpher, "Decision Modelling for Health Economic Evaluation" (2006), ch. 2,
// exercise 2.5: states A (CD4 200–500), B (CD4 < 200), C (AIDS), D (death);
// annual transitions estimated from the published counts; zidovudine monotherapy vs
// zidovudine + lamivudine, where lamivudine (£2,086.50 a year) is given, and the
// relative risk 0.509 applied to every transition out of a state, for the first 2
// years only; 20 annual cycles; costs discounted at 6%, life-years undiscounted.
import type { RunMarkovModelInput, RunModelPsaInput } from "../../src/index.js";

type Matrix = NonNullable<RunMarkovModelInput["transitions"][number]["matrix"]>;

const counts = { A: { A: 1251, B: 350, C: 116, D: 17 }, B: { B: 731, C: 512, D: 15 }, C: { C: 1312, D: 437 } };
const direct = { A: 1701, B: 1774, C: 6948 };
const community = { A: 1055, B: 1278, C: 2059 };
export const AZT = 2278;
export const LAMIVUDINE = 2086.5;
export const RR = 0.509;

const share = (row: Record<string, number>, to: string) => (row[to] as number) / Object.values(row).reduce((a, b) => a + b, 0);

function matrix(rr: number): Matrix {
  return {
    A: { A: "complement", B: share(counts.A, "B") * rr, C: share(counts.A, "C") * rr, D: share(counts.A, "D") * rr },
    B: { B: "complement", C: share(counts.B, "C") * rr, D: share(counts.B, "D") * rr },
    C: { C: "complement", D: share(counts.C, "D") * rr },
    D: { D: 1 },
  };
}

const stateCost = (s: "A" | "B" | "C") => direct[s] + community[s] + AZT;

export const hivMono: RunMarkovModelInput = {
  states: ["A", "B", "C", "D"],
  initial: { A: 1 },
  cycles: 20,
  transitions: [{ matrix: matrix(1) }],
  counting: "end",
  streams: {
    ly: { values: { A: 1, B: 1, C: 1 } },
    cost: { values: { A: stateCost("A"), B: stateCost("B"), C: stateCost("C") }, discountRate: 0.06, currency: "GBP" },
  },
};

const comboCost = (s: "A" | "B" | "C") => Array.from({ length: 20 }, (_, t) => stateCost(s) + (t < 2 ? LAMIVUDINE : 0));

export const hivCombo: RunMarkovModelInput = {
  ...hivMono,
  transitions: [{ throughCycle: 2, matrix: matrix(RR) }, { matrix: matrix(1) }],
  streams: {
    ly: { values: { A: 1, B: 1, C: 1 } },
    cost: { values: { A: comboCost("A"), B: comboCost("B"), C: comboCost("C") }, discountRate: 0.06, currency: "GBP" },
  },
};

/** The same model with Dirichlet rows, gamma costs and a log-normal relative risk, for PSA. */
export function hivPsa(draws: number, seed: number): RunModelPsaInput {
  const p = (from: string, to: string, rr: boolean) =>
    rr ? { mul: [{ param: `from${from}`, key: to }, { param: "rr" }] } : { param: `from${from}`, key: to };
  const m = (rr: boolean) => ({
    A: { A: "complement" as const, B: p("A", "B", rr), C: p("A", "C", rr), D: p("A", "D", rr) },
    B: { B: "complement" as const, C: p("B", "C", rr), D: p("B", "D", rr) },
    C: { C: "complement" as const, D: p("C", "D", rr) },
    D: { D: 1 },
  });
  const cost = (s: "A" | "B" | "C", extra: number) => ({ add: [{ param: `direct${s}` }, { param: `community${s}` }, AZT + extra] });
  const costs = (extraYears: number) => ({
    A: Array.from({ length: 20 }, (_, t) => cost("A", t < extraYears ? LAMIVUDINE : 0)),
    B: Array.from({ length: 20 }, (_, t) => cost("B", t < extraYears ? LAMIVUDINE : 0)),
    C: Array.from({ length: 20 }, (_, t) => cost("C", t < extraYears ? LAMIVUDINE : 0)),
  });
  const base = { type: "markov" as const, states: ["A", "B", "C", "D"], initial: { A: 1 }, cycles: 20, counting: "end" as const };
  return {
    draws,
    seed,
    effectStream: "ly",
    parameters: {
      fromA: { distribution: { type: "dirichlet", alpha: counts.A } },
      fromB: { distribution: { type: "dirichlet", alpha: counts.B } },
      fromC: { distribution: { type: "dirichlet", alpha: counts.C } },
      // RR 0.509 with 95% CI 0.365–0.710 on the log scale
      rr: { value: RR, distribution: { type: "lognormal", meanlog: Math.log(RR), sdlog: (Math.log(0.71) - Math.log(0.365)) / (2 * 1.96) } },
      ...Object.fromEntries(
        (["A", "B", "C"] as const).flatMap((s) => [
          [`direct${s}`, { distribution: { type: "gamma", shape: 1, scale: direct[s] } }],
          [`community${s}`, { distribution: { type: "gamma", shape: 1, scale: community[s] } }],
        ]),
      ),
    },
    strategies: [
      { name: "Mono", model: { ...base, transitions: [{ matrix: m(false) }], streams: { ly: { values: { A: 1, B: 1, C: 1 } }, cost: { values: costs(0), discountRate: 0.06, currency: "GBP" } } } },
      {
        name: "Combination",
        model: {
          ...base,
          transitions: [{ throughCycle: 2, matrix: m(true) }, { matrix: m(false) }],
          streams: { ly: { values: { A: 1, B: 1, C: 1 } }, cost: { values: costs(2), discountRate: 0.06, currency: "GBP" } },
        },
      },
    ],
  };
}
