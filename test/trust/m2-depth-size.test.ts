// M2 (issue 14): deep nesting and long lists give a typed error naming the field, or just
// work; never a raw RangeError from recursion or from a spread into Math.max.
import { describe, expect, it } from "vitest";
import { allocate, ceacSvg, frontierSvg, MAX_DOCUMENT_DEPTH, money, parseLayers, runMarkovModel, sum } from "../../src/index.js";
import { validationError } from "../typed-errors.js";

/** `{ add: [ { add: [ … 1 … ] } ] }`, `levels` operators deep. */
function deepExpression(levels: number): unknown {
  let e: unknown = 0.1;
  for (let i = 0; i < levels; i++) e = { add: [e] };
  return e;
}

/** A categorical rate nested `levels` deep: `{ by: "level", categories: { "3": { by: …, … } } }`. */
function deepRate(levels: number): unknown {
  let r: unknown = 0.5;
  for (let i = 0; i < levels; i++) r = { by: "insuranceType", categories: { employee: r } };
  return r;
}

const markov = (expr: unknown) => ({
  states: ["Alive", "Dead"],
  initial: { Alive: 1 },
  cycles: 2,
  transitions: [{ matrix: { Alive: { Alive: "complement", Dead: expr }, Dead: { Dead: 1 } } }],
  counting: "end",
  streams: { ly: { values: { Alive: 1 } } },
});

describe("M2: depth and size", () => {
  it("M2: a Markov expression nested 800 deep is a depth_limit ValidationError at the path, not a RangeError", () => {
    const e = validationError(() => runMarkovModel(markov(deepExpression(800)) as never));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.code).toBe("depth_limit");
    expect(e.issues[0]!.path.slice(0, 5)).toEqual(["transitions", 0, "matrix", "Alive", "Dead"]);
    expect(e.issues[0]!.path).toHaveLength(MAX_DOCUMENT_DEPTH); // the first node past the limit
  });

  it("M2: an expression within the limit is computed (90 nested add operators: still 0.1)", () => {
    // 4 document levels above the expression (transitions[0].matrix.Alive.Dead) + 2 per operator.
    const r = runMarkovModel(markov(deepExpression(90)) as never);
    // Alive 1 → 0.9 → 0.81 (each cycle 10 % die).
    expect(r.trace[2]![0]).toBeCloseTo(0.81, 12);
  });

  it("M2: a categorical rate nested 500 deep is a depth_limit ValidationError, not a RangeError", () => {
    const e = validationError(() => parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: deepRate(500) }] }));
    expect(e.issues[0]!.code).toBe("depth_limit");
    expect(e.issues[0]!.path.slice(0, 4)).toEqual(["layers", 0, "rate", "categories"]);
  });

  it("M2: the limit is exported and documented as 200 levels", () => {
    expect(MAX_DOCUMENT_DEPTH).toBe(200);
  });

  it("M2: allocate with 200,000 decimal weights allocates every cent (no spread into Math.max)", () => {
    // 2,000.00 over 200,000 equal weights "0.5": exactly 0.01 each. (Decimal weights take the
    // path that scales them by their most decimal places; whole-number weights skip it.)
    const parts = allocate(money("2000.00", "CNY"), Array.from({ length: 200_000 }, () => "0.5"));
    expect(parts).toHaveLength(200_000);
    expect(parts[0]!.toString()).toBe("CNY 0.01");
    expect(sum(parts).toString()).toBe("CNY 2000.00");
  });

  it("M2: ceacSvg with 200,000 λ values draws the curve (no spread into Math.min/Math.max)", () => {
    const n = 200_000;
    const lambdas = Array.from({ length: n }, (_, i) => i * 10);
    const svg = ceacSvg({ lambdas, strategies: ["A"], probabilities: [lambdas.map(() => 1)], optimal: lambdas.map(() => "A") });
    expect(svg.startsWith("<svg")).toBe(true);
    // The λ axis runs from 0 to 1,999,990, so its last tick label is at or above 1,999,990 (rounded to 2,000,000).
    expect(svg).toMatch(/2,000,000|2e\+6|2M|2000000/);
  });

  it("M2: frontierSvg with 130,000 strategies draws them all", { timeout: 300_000 }, () => {
    const n = 130_000;
    const strategies = Array.from({ length: n }, (_, i) => ({ name: `S${i}`, cost: i, effect: i / 1000, status: "ND" as const }));
    const svg = frontierSvg({ strategies });
    expect(svg.startsWith("<svg")).toBe(true);
    expect((svg.match(/data-status="ND"/g) ?? []).length).toBe(n);
  });
});
