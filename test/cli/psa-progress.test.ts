// `psa --progress` (issue 21 item 4): a long PSA reports progress per chunk of draws, and
// the chunked analysis is analyzePsa's result to the bit; a bad draw is reported as
// analyzePsa reports it (the same path), not as a position inside a chunk.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeWithProgress } from "../../cli/commands/psa.js";
import { analyzePsa, runModelPsa, ValidationError } from "../../src/index.js";
import { bundleCli } from "./cli-entry.js";

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

// `model --psa` (issue 21 item 4): the PSA runner reports each draw to an optional
// callback, which the CLI draws as a progress bar on stderr.
describe("model --psa progress", () => {
  const doc = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "examples", "data", "two-state-psa.json"), "utf8"));

  it("runModelPsa calls onProgress once per draw, in order, and gives the same draws to the bit as without it", () => {
    const input = { ...doc, draws: 250, seed: 11 };
    const seen: [number, number][] = [];
    const withProgress = runModelPsa(input, { onProgress: (done, total) => seen.push([done, total]) });
    // 250 draws: one call after each, done = 1 … 250, total 250 every time.
    expect(seen).toEqual(Array.from({ length: 250 }, (_, k) => [k + 1, 250]));
    const plain = runModelPsa(input);
    expect(withProgress.costs.map((c) => Array.from(c))).toEqual(plain.costs.map((c) => Array.from(c)));
    expect(withProgress.effects.map((e) => Array.from(e))).toEqual(plain.effects.map((e) => Array.from(e)));
    expect(JSON.stringify(withProgress.summary)).toBe(JSON.stringify(plain.summary));
  });

  it("a callback that is not a function is a ValidationError at onProgress", () => {
    try {
      runModelPsa({ ...doc, draws: 5, seed: 1 }, { onProgress: 5 as unknown as () => void });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.path).toEqual(["onProgress"]);
    }
  });

  it("the CLI draws the per-draw progress on stderr with --progress, and stdout is the same as without it", async () => {
    const entry = await bundleCli(join(import.meta.dirname, "..", ".."));
    const file = join(import.meta.dirname, "..", "..", "examples", "data", "two-state-psa.json");
    const run = (extra: string[]) => spawnSync(process.execPath, [entry, "model", file, "--psa", "--draws", "400", "--seed", "3", "--json", ...extra], { encoding: "utf8" });
    const on = run(["--progress"]);
    const off = run([]);
    expect(on.status).toBe(0);
    // The bar's last line: all 400 of 400 draws.
    expect(on.stderr).toMatch(/model psa .*\b400\/400 draws/);
    expect(off.stderr).not.toMatch(/model psa/);
    expect(on.stdout).toBe(off.stdout);
  }, 120_000);
});
