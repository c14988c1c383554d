// PSA summaries as a reviewer reads them: the steps' sentences, the matrix checks'
// messages and limits, the streamed entry points' guards, and psaInputFromDraws. Figures
// worked by hand in the comments.
import { describe, expect, it } from "vitest";
import { addPsaDraws, analyzePsa, analyzePsaChunks, createPsaAccumulator, finishPsa, psaInputFromDraws } from "../../src/index.js";
import { caught, domainError, issue, issues } from "../typed-errors.js";

// V5: NMB at λ = 300 — S1 200, 240, 190, 220 (mean 212.5); S2 250, 160, 330, 180 (mean 230);
// best per draw 250, 240, 330, 220 (mean 260): EVPI 30, S1's loss 47.5.
const v5 = {
  strategies: ["S1", "S2"],
  costs: [[100, 120, 80, 110], [200, 260, 150, 210]],
  effects: [[1.0, 1.2, 0.9, 1.1], [1.5, 1.4, 1.6, 1.3]],
};

describe("analyzePsa: figures and sentences", () => {
  it("V5 at λ = 0 and 300", () => {
    const r = analyzePsa({ ...v5, lambdas: [0, 300], currency: "CNY" });
    // λ = 0: NMB = −C, S1 is cheaper in every draw: wins 4, mean −102.5; S2 mean −205.
    const [p0, p1] = r.points;
    expect([p0!.ceac, p0!.wins, p0!.optimal, p0!.optimalIndex, p0!.optimalProbability, p0!.evpi.toString()]).toEqual([[1, 0], [4, 0], "S1", 0, 1, "CNY 0.00"]);
    expect(p0!.expectedNmb.map(String)).toEqual(["CNY -102.50", "CNY -205.00"]);
    expect(p0!.expectedLoss.map(String)).toEqual(["CNY 0.00", "CNY 102.50"]);
    expect([p1!.ceac, p1!.wins, p1!.optimal, p1!.optimalIndex, p1!.optimalProbability, p1!.evpi.toString()]).toEqual([[0.5, 0.5], [2, 2], "S2", 1, 0.5, "CNY 30.00"]);
    expect(p1!.expectedNmb.map(String)).toEqual(["CNY 212.50", "CNY 230.00"]);
    expect(p1!.expectedLoss.map(String)).toEqual(["CNY 47.50", "CNY 30.00"]);
    expect(Number(p1!.evpiExact.toString())).toBeCloseTo(30, 9);
    expect([p1!.populationEvpi, p1!.populationEvpiExact]).toEqual([null, null]);
    expect([r.draws, r.currency, r.strategies]).toEqual([4, "CNY", ["S1", "S2"]]);
    expect(r.explanation.map((s) => [s.rule, s.text])).toEqual([
      ["valuation.psa.draws", "4 draw(s) of 2 strategies evaluated at 2 λ value(s); each draw's winner is the strategy with the highest λ·E − C, exact ties going to the earlier strategy."],
      ["valuation.psa.ceaf", "At λ = 0 the strategy with the highest expected NMB is S1 (probability cost-effective 1); at λ = 300 it is S2 (0.5)."],
      ["valuation.psa.evpi", "EVPI = mean over draws of the best NMB − the best mean NMB: CNY 0.00 at λ = 0, CNY 30.00 at λ = 300."],
    ]);
    expect(r.explanation[0]!.inputs).toEqual({ strategies: ["S1", "S2"], draws: 4, lambdas: 2 });
    expect(r.explanation[1]!.inputs).toEqual({ firstLambda: 0, lastLambda: 300 });
    expect(r.explanation[2]!.inputs.lambda).toBe(0);
    expect(String(r.explanation[2]!.inputs.evpiExact)).toBe("0");
    expect(r.explanation[2]!.amount?.toString()).toBe("CNY 0.00");
  });

  it("one λ: the EVPI sentence names it once; a population adds its own step", () => {
    const r = analyzePsa({ ...v5, lambdas: [300], population: 1000, currency: "USD" });
    expect(r.explanation.map((s) => s.rule)).toEqual(["valuation.psa.draws", "valuation.psa.ceaf", "valuation.psa.evpi", "valuation.psa.population-evpi"]);
    expect(r.explanation[2]!.text).toBe("EVPI = mean over draws of the best NMB − the best mean NMB: USD 30.00 at λ = 300.");
    // 1000 × 30 = 30,000, rounded once.
    expect(r.points[0]!.populationEvpi?.toString()).toBe("USD 30000.00");
    expect(r.explanation[3]!.text).toBe("Population EVPI = 1000 × the unrounded EVPI, rounded once: USD 30,000.00 at λ = 300.");
    expect(String(r.explanation[3]!.inputs.population)).toBe("1000");
    expect(r.explanation[3]!.amount?.toString()).toBe("USD 30000.00");
    expect(r.currency).toBe("USD");
  });

  it("exact ties go to the earlier strategy, per draw and in expectation", () => {
    const r = analyzePsa({ strategies: ["first", "second"], costs: [[1, 1], [1, 1]], effects: [[1, 1], [1, 1]], lambdas: [10], currency: "CNY" });
    expect([r.points[0]!.wins, r.points[0]!.optimal]).toEqual([[2, 0], "first"]);
    // A later strategy strictly better in one draw wins that draw.
    const s = analyzePsa({ strategies: ["a", "b", "c"], costs: [[0, 0], [0, 0], [0, -1]], effects: [[0, 0], [0, 0], [0, 0]], lambdas: [1], currency: "CNY" });
    expect([s.points[0]!.wins, s.points[0]!.optimal]).toEqual([[1, 0, 1], "c"]);
  });

  it("more draws than one block: the counts and sums run over every draw", () => {
    // 2 strategies → 16,384 draws per block; 40,000 draws. S0: NMB 1 always; S1: NMB 2 when k % 4 = 0, else 0.
    const K = 40_000;
    const e1 = Float64Array.from({ length: K }, (_, k) => (k % 4 === 0 ? 2 : 0));
    const r = analyzePsa({ strategies: ["S0", "S1"], costs: [new Float64Array(K), new Float64Array(K)], effects: [new Float64Array(K).fill(1), e1], lambdas: [1], currency: "CNY" });
    const p = r.points[0]!;
    // S1 wins 10,000 draws; means 1 and 0.5; mean best (2 × 10,000 + 30,000) / 40,000 = 1.25.
    expect([p.wins, p.ceac, p.optimal]).toEqual([[30_000, 10_000], [0.75, 0.25], "S0"]);
    expect([p.evpi.toString(), p.expectedLoss.map(String)]).toEqual(["CNY 0.25", ["CNY 0.25", "CNY 0.75"]]);
  });

  it("float64 overflow is UNDEFINED_RESULT, never Infinity", () => {
    const big = 1.7e308;
    const nmb = domainError(() => analyzePsa({ strategies: ["A"], costs: [[-big, -big]], effects: [[0, 0]], lambdas: [0], currency: "CNY" }));
    expect(nmb.code).toBe("UNDEFINED_RESULT");
    expect(nmb.message).toContain("expected NMB overflowed float64; rescale the inputs");
    // Each strategy's sum is 0, but the best NMBs add up past the float64 range.
    const loss = domainError(() => analyzePsa({ strategies: ["A", "B"], costs: [[-big, big], [big, -big]], effects: [[0, 0], [0, 0]], lambdas: [0], currency: "CNY" }));
    expect(loss.message).toContain("expected loss overflowed float64; rescale the inputs");
  });
});

describe("analyzePsa: matrix checks", () => {
  const ok = { strategies: ["A", "B"], lambdas: [1], currency: "CNY" };
  it("row counts, ragged rows, draw counts and empty draws, each with its message and path", () => {
    const rows = issue(() => analyzePsa({ ...ok, costs: [[1]], effects: [[1], [1]] }));
    expect([rows.path, rows.message]).toEqual([["costs"], "costs has 1 row(s) but there are 2 strategies"]);
    const ragged = issue(() => analyzePsa({ ...ok, costs: [[1, 2], [1, 2]], effects: [[1, 2], [1]] }));
    expect([ragged.path, ragged.message]).toEqual([["effects", 1], "ragged matrix: row 1 has 1 draws, row 0 has 2"]);
    const draws = issue(() => analyzePsa({ ...ok, costs: [[1, 2], [1, 2]], effects: [[1, 2, 3], [1, 2, 3]] }));
    expect([draws.path, draws.message]).toEqual([["effects"], "costs have 2 draws but effects have 3"]);
    const none = issue(() => analyzePsa({ ...ok, costs: [[], []], effects: [[], []] }));
    expect([none.path, none.message]).toEqual([["costs"], "at least one draw is needed"]);
    const dup = issue(() => analyzePsa({ strategies: ["S", "S"], lambdas: [1], currency: "CNY", costs: [[1], [1]], effects: [[1], [1]] }));
    expect([dup.path, dup.message]).toEqual([["strategies", 1], 'duplicate strategy name "S" (also at index 0)']);
  });

  it("names what a non-finite entry is", () => {
    const all = issues(() => analyzePsa({ ...ok, costs: [[Number.NaN, Number.POSITIVE_INFINITY], [null as never, "1" as never]], effects: [[1, 1], [1, 1]] }));
    expect(all.map((i) => [i.path.join("."), i.message])).toEqual([
      ["costs.0.0", "expected a finite number, got NaN"],
      ["costs.0.1", "expected a finite number, got Infinity"],
      ["costs.1.0", "expected a finite number, got null"],
      ["costs.1.1", "expected a finite number, got string"],
    ]);
  });

  it("reports at most 20 bad entries per matrix, and no draw-count issue for a matrix already at fault", () => {
    const bad = Array.from({ length: 30 }, () => Number.NaN);
    const all = issues(() => analyzePsa({ strategies: ["A"], lambdas: [1], currency: "CNY", costs: [bad], effects: [[Number.NaN, 1, 2]] }));
    expect(all.filter((i) => i.path[0] === "costs")).toHaveLength(20);
    expect(all.filter((i) => i.path[0] === "effects").map((i) => i.path)).toEqual([["effects", 0, 0]]);
    // Costs bad, effects fine but of another draw count: only the costs are reported.
    const only = issues(() => analyzePsa({ strategies: ["A"], lambdas: [1], currency: "CNY", costs: [[Number.NaN, 1]], effects: [[1, 2, 3]] }));
    expect(only.map((i) => i.path)).toEqual([["costs", 0, 0]]);
    const onlyE = issues(() => analyzePsa({ strategies: ["A"], lambdas: [1], currency: "CNY", costs: [[1, 2, 3]], effects: [[Number.NaN, 1]] }));
    expect(onlyE.map((i) => i.path)).toEqual([["effects", 0, 0]]);
  });

  it("ragged rows are each reported, past the entry limit too", () => {
    const costs = [[1, 2], ...Array.from({ length: 24 }, () => [1])];
    const strategies = Array.from({ length: 25 }, (_, i) => `S${i}`);
    const all = issues(() => analyzePsa({ strategies, lambdas: [1], currency: "CNY", costs, effects: costs }));
    expect(all.filter((i) => i.path[0] === "costs")).toHaveLength(24);
  });
});

describe("streamed PSA: guards", () => {
  it("finishPsa refuses a look-alike and an accumulator without draws", () => {
    const look = issue(() => finishPsa({ strategies: ["A"] } as never));
    expect([look.path, look.message]).toEqual([["accumulator"], "expected a PSA accumulator made by createPsaAccumulator"]);
    const acc = createPsaAccumulator({ strategies: ["A"], lambdas: [1], currency: "CNY" });
    const empty = issue(() => finishPsa(acc));
    expect([empty.path, empty.message, empty.code]).toEqual([["draws"], "at least one draw is needed", "too_small"]);
  });

  it("addPsaDraws refuses a look-alike accumulator with one issue, and mismatched chunks", () => {
    const look = issue(() => addPsaDraws({ accumulator: {} as never, costs: [[1]], effects: [[1, 2]] }));
    expect([look.path, look.message]).toEqual([["accumulator"], "expected a PSA accumulator made by createPsaAccumulator"]);
    const acc = createPsaAccumulator({ strategies: ["A"], lambdas: [1], currency: "CNY" });
    const m = issue(() => addPsaDraws({ accumulator: acc, costs: [[1, 2]], effects: [[1]] }));
    expect([m.path, m.message]).toEqual([["effects"], "costs have 2 draws but effects have 1"]);
    expect(acc.draws).toBe(0);
    // An empty chunk adds nothing.
    addPsaDraws({ accumulator: acc, costs: [[]], effects: [[]] });
    expect(acc.draws).toBe(0);
    expect(issue(() => addPsaDraws({ accumulator: acc, costs: [[Number.NaN]], effects: [[1, 2]] })).path).toEqual(["costs", 0, 0]);
  });

  it("createPsaAccumulator refuses duplicate strategies", () => {
    const d = issue(() => createPsaAccumulator({ strategies: ["A", "A"], lambdas: [1], currency: "CNY" }));
    expect([d.path, d.message]).toEqual([["strategies", 1], 'duplicate strategy name "A" (also at index 0)']);
  });

  it("analyzePsaChunks names the bad part: the input, the chunks, a chunk, a chunk's entry", () => {
    const settings = { strategies: ["A"], lambdas: [1], currency: "CNY" };
    const whole = issue(() => analyzePsaChunks(null as never));
    expect([whole.path, whole.message]).toEqual([[], "expected the PSA settings and chunks"]);
    const notIterable = issue(() => analyzePsaChunks({ ...settings, chunks: {} as never }));
    expect([notIterable.path, notIterable.message]).toEqual([["chunks"], "expected an iterable of { costs, effects } chunks"]);
    expect(issue(() => analyzePsaChunks({ ...settings, chunks: null as never })).path).toEqual(["chunks"]);
    expect(issue(() => analyzePsaChunks({ ...settings, chunks: "ab" as never })).path).toEqual(["chunks"]);
    const chunk = issue(() => analyzePsaChunks({ ...settings, chunks: [{ costs: [[1]], effects: [[1]] }, null as never] }));
    expect([chunk.path, chunk.message]).toEqual([["chunks", 1], "expected a { costs, effects } chunk"]);
    const entry = caught(() => analyzePsaChunks({ ...settings, chunks: [{ costs: [[1]], effects: [[1]] }, { costs: [[1, Number.NaN]], effects: [[1, 2]] }] }));
    expect((entry as unknown as { issues: { path: unknown[] }[] }).issues.map((i) => i.path)).toEqual([["chunks", 1, "costs", 0, 1]]);
    expect(entry.message).toContain("analyzePsaChunks");
    // A non-validation error from a chunk passes through as it is.
    const boom = new Error("read failed");
    const thrown = caught(() =>
      analyzePsaChunks({
        ...settings,
        chunks: (function* () {
          yield { costs: [[1]], effects: [[1]] };
          throw boom;
        })(),
      }),
    );
    expect(thrown).toBe(boom);
  });

  it("chunks give the same result as all draws at once", () => {
    const whole = analyzePsa({ ...v5, lambdas: [0, 300], currency: "CNY" });
    const parts = analyzePsaChunks({ strategies: v5.strategies, lambdas: [0, 300], currency: "CNY", chunks: [{ costs: [[100], [200]], effects: [[1.0], [1.5]] }, { costs: [[120, 80, 110], [260, 150, 210]], effects: [[1.2, 0.9, 1.1], [1.4, 1.6, 1.3]] }] });
    expect(JSON.stringify(parts)).toBe(JSON.stringify(whole));
  });
});

describe("psaInputFromDraws", () => {
  it("transposes draw-major records into strategy × draw Float64Arrays, keeping a stated currency", () => {
    const out = psaInputFromDraws({ strategies: ["S1", "S2"], draws: [{ costs: [100, 200], effects: [1, 1.5] }, { costs: [120, 260], effects: [1.2, 1.4] }], lambdas: [300], currency: "USD" });
    expect(out.costs.map((r) => Array.from(r))).toEqual([[100, 120], [200, 260]]);
    expect(out.effects.map((r) => Array.from(r))).toEqual([[1, 1.2], [1.5, 1.4]]);
    expect(out.costs[0]).toBeInstanceOf(Float64Array);
    expect([out.strategies, out.lambdas, out.currency]).toEqual([["S1", "S2"], [300], "USD"]);
    // B2: no currency is assumed; the stated one is carried into analyzePsa's input and result.
    expect(analyzePsa(out).currency).toBe("USD");
  });

  it("a draw with the wrong number of costs or effects is refused at its path", () => {
    const all = issues(() => psaInputFromDraws({ strategies: ["S1", "S2"], draws: [{ costs: [1, 2], effects: [1, 2] }, { costs: [1], effects: [1, 2, 3] }], lambdas: [1], currency: "CNY" }));
    expect(all.map((i) => [i.path.join("."), i.message])).toEqual([
      ["draws.1.costs", "draw 1 has 1 costs for 2 strategies"],
      ["draws.1.effects", "draw 1 has 3 effects for 2 strategies"],
    ]);
  });
});
