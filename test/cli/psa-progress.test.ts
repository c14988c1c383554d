// `psa --progress` (issue 21 item 4): a long PSA reports progress per chunk of draws, and
// the chunked analysis is analyzePsa's result to the bit; a bad draw is reported as
// analyzePsa reports it (the same path), not as a position inside a chunk.
import { describe, expect, it } from "vitest";
import { analyzeWithProgress } from "../../cli/commands/psa.js";
import { analyzePsa, ValidationError } from "../../src/index.js";

function draws(n: number) {
  // Deterministic, varied draws (a cheap LCG): two strategies whose NMB ranks cross over λ.
  let x = 12345;
  const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const costs = [new Float64Array(n), new Float64Array(n)];
  const effects = [new Float64Array(n), new Float64Array(n)];
  for (let k = 0; k < n; k++) {
    costs[0]![k] = 100 + 50 * next();
    costs[1]![k] = 160 + 80 * next();
    effects[0]![k] = 1 + 0.3 * next();
    effects[1]![k] = 1.1 + 0.4 * next();
  }
  return { strategies: ["S1", "S2"], costs, effects };
}

describe("psa progress", () => {
  it("reports after every chunk of 20,000 draws and gives analyzePsa's result to the bit", () => {
    const d = draws(50_001);
    const lambdas = [0, 300, 1000, 3000];
    const seen: [number, number][] = [];
    const chunked = analyzeWithProgress(d, lambdas, "CNY", (done, total) => seen.push([done, total]));
    expect(seen).toEqual([[0, 50_001], [20_000, 50_001], [40_000, 50_001], [50_001, 50_001]]);
    expect(JSON.stringify(chunked)).toBe(JSON.stringify(analyzePsa({ ...d, lambdas, currency: "CNY" })));
  });

  it("a bad draw late in the run is the error analyzePsa gives for the whole matrix (same path)", () => {
    const d = draws(45_000);
    d.costs[1]![41_234] = Number.NaN;
    let expected: unknown;
    try {
      analyzePsa({ ...d, lambdas: [300], currency: "CNY" });
    } catch (e) {
      expected = e;
    }
    expect(expected).toBeInstanceOf(ValidationError);
    expect(() => analyzeWithProgress(d, [300], "CNY", () => undefined)).toThrow(ValidationError);
    try {
      analyzeWithProgress(d, [300], "CNY", () => undefined);
    } catch (e) {
      expect((e as ValidationError).issues).toEqual((expected as ValidationError).issues);
    }
  });

  it("a short run reports its start and its end", () => {
    const seen: number[] = [];
    analyzeWithProgress(draws(10), [300], "CNY", (done) => seen.push(done));
    expect(seen).toEqual([0, 10]);
  });
});
