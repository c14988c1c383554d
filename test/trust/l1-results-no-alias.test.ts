// L1 (issue 14, the rest): results never alias internals. Two results computed from the
// same prepared object share no mutable object (a caller changing one cannot change the
// other, or the prepared object); prepared objects are frozen and unforgeable; Money is
// immutable all the way down.
import { describe, expect, it } from "vitest";
import {
  bandedTable,
  checkTestGate,
  evaluateContract,
  frontier,
  isMoney,
  lookupBand,
  money,
  optimalStrategy,
  parseContract,
  parseLayers,
  reconcileTargetPrice,
  runMarkovModel,
  splitBill,
  step,
} from "../../src/index.js";
import { K1 } from "../contracts/fixtures.js";
import { caught } from "../typed-errors.js";

/**
 * Objects and arrays reachable from both values that are not frozen: state one result shares
 * with another. Money counts as immutable without being frozen: its state is private and its
 * properties are getters (test/money/immutability.test.ts pins that).
 */
function sharedMutable(a: unknown, b: unknown): string[] {
  const seen = new Map<object, string>();
  const walk = (v: unknown, path: string, visit: (o: object, path: string) => void, done: Set<object>) => {
    if (v === null || typeof v !== "object" || done.has(v)) return;
    done.add(v);
    visit(v, path);
    const entries = v instanceof Map ? [...v.entries()].map(([k, x]) => [String(k), x] as const) : Object.entries(v);
    for (const [k, x] of entries) walk(x, `${path}.${k}`, visit, done);
  };
  walk(a, "a", (o, p) => !Object.isFrozen(o) && !isMoney(o) && seen.set(o, p), new Set());
  const shared: string[] = [];
  walk(b, "b", (o, p) => seen.has(o) && shared.push(`${seen.get(o)} is ${p}`), new Set());
  return shared;
}

describe("L1: results do not alias internals", () => {
  it("L1: a step's inputs are its own copy: changing the caller's array afterwards changes nothing in the step", () => {
    const conditions = ["no CRS", "no relapse"];
    const s = step("test.rule", "text", { conditions });
    conditions.push("changed");
    expect(s.inputs.conditions).toEqual(["no CRS", "no relapse"]);
    expect(s.inputs.conditions).not.toBe(conditions);
  });

  it("L1: two evaluations of one parsed contract share no mutable object (explanation inputs included)", () => {
    const k1 = parseContract(K1);
    const events = [{ kind: "infusion", date: "2026-01-15" }];
    const first = evaluateContract(k1, events, "2026-12-31");
    const second = evaluateContract(k1, events, "2026-12-31");
    expect(sharedMutable(first, second)).toEqual([]);
    expect(sharedMutable(k1, second)).toEqual([]);
  });

  it("L1: Money in a result is immutable all the way down: its Decimal cannot be negated in place", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: 0.5 }] });
    const a = splitBill({ plan, bill: "1000" });
    expect(() => {
      (a.layers[0]!.amount.amount as unknown as { s: number }).s = -1;
    }).toThrow(TypeError);
    expect(splitBill({ plan, bill: "1000" }).layers[0]!.amount.toString()).toBe("CNY 500.00");
    const m = money("12.50", "CNY");
    expect(Object.isFrozen(m.amount)).toBe(true);
    expect(() => {
      (m.amount as unknown as { d: number[] }).d[0] = 99;
    }).toThrow(TypeError);
    expect(m.toString()).toBe("CNY 12.50");
  });

  it("L1: budget, care, valuation and models results computed twice share no mutable object", () => {
    const target = { currency: "CNY", benchmarkPrice: "30000", discount: 0.03, episodes: 100, qualityAdjustment: -0.05, capRate: 0.2, actualSpending: "2800000" };
    expect(sharedMutable(reconcileTargetPrice(target), reconcileTargetPrice(target))).toEqual([]);
    const gate = { gate: { drug: "EGFR-TKI", biomarker: "EGFR", qualifying: { kind: "category" as const, categories: ["positive"] }, validityDays: 180 }, courseStart: "2026-05-10", results: [{ biomarker: "EGFR", reportDate: "2026-04-20", category: "positive" }] };
    expect(sharedMutable(checkTestGate(gate), checkTestGate(gate))).toEqual([]);
    const strategies = { strategies: [{ name: "A", cost: { amount: "0", currency: "CNY" }, effect: "0" }, { name: "B", cost: { amount: "100000", currency: "CNY" }, effect: "1" }] };
    expect(sharedMutable(frontier(strategies), frontier(strategies))).toEqual([]);
    const markov = { states: ["Alive", "Dead"], initial: { Alive: 1 }, cycles: 2, transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 0.1 }, Dead: { Dead: 1 } } }], counting: "end", streams: { ly: { values: { Alive: 1 } } } };
    expect(sharedMutable(runMarkovModel(markov as never), runMarkovModel(markov as never))).toEqual([]);
  });

  it("L1: a frontier result is deep-frozen and only the result itself is trusted (a mutated copy is refused)", () => {
    const r = frontier({ strategies: [{ name: "A", cost: { amount: "0", currency: "CNY" }, effect: "0" }, { name: "B", cost: { amount: "100000", currency: "CNY" }, effect: "1" }] });
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.strategies[1])).toBe(true);
    expect(() => {
      (r.frontier as unknown[]).pop();
    }).toThrow(TypeError);
    const copy = { ...r, frontier: r.frontier.slice(0, 1) };
    expect(optimalStrategy({ frontier: r, lambda: { amount: "150000", currency: "CNY" } }).name).toBe("B");
    expect(caught(() => optimalStrategy({ frontier: copy as never, lambda: { amount: "150000", currency: "CNY" } })).name).toBe("ValidationError");
  });

  it("L1: a band table is frozen: a band cannot be moved after the table was checked", () => {
    const t = bandedTable({ bands: [{ from: 0, to: 10, value: "low" }, { from: 10, to: null, value: "high" }] });
    expect(() => {
      (t.bands as unknown[]).reverse();
    }).toThrow(TypeError);
    expect(() => {
      (t.bands[0] as { value: string }).value = "forged";
    }).toThrow(TypeError);
    expect(lookupBand(t, 5).value).toBe("low");
  });
});
