// The bulk path splitBillMinorUnits: same amounts as splitBill, hand-checked input with typed errors.
// Exact behaviour (wording, limits, paths) first pinned by the mutation runs; amounts worked by hand (1 CNY = 100 fen).
import { describe, expect, it } from "vitest";
import {
  parseLayers,
  splitBillMinorUnits,
} from "../../src/index.js";
import { domainError, issues } from "../typed-errors.js";

describe("splitBillMinorUnits", () => {
  const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", deductible: "10", rate: 0.5, cap: "100" }] });
  it("checks its hand-made inputs", () => {
    expect(issues(() => splitBillMinorUnits({ currency: "CNY", layers: [] } as never, { bill: 1n }))).toEqual([{ path: ["plan"], code: "invalid_plan", message: "expected a plan made by parseLayers" }]);
    expect(issues(() => splitBillMinorUnits(plan, { bill: -1n }))).toEqual([{ path: ["bill"], code: "invalid_amount", message: "the bill is a bigint count of minor units ≥ 0" }]);
    expect(issues(() => splitBillMinorUnits(plan, { bill: 5 as never }))[0]!.path).toEqual(["bill"]);
    expect(issues(() => splitBillMinorUnits(plan, { bill: 5n, catalogue: -1n }))).toEqual([
      { path: ["catalogue"], code: "invalid_amount", message: "the catalogue amount is a bigint count of minor units ≥ 0" },
    ]);
    const cat = domainError(() => splitBillMinorUnits(plan, { bill: 5n, catalogue: 6n }));
    expect([cat.message, cat.code]).toEqual(["catalogue: the catalogue-eligible amount 0.06 exceeds the bill 0.05", "INCONSISTENT_INPUT"]);
    expect(issues(() => splitBillMinorUnits(plan, { bill: 5n, accumulators: [] }))).toEqual([
      { path: ["accumulators"], code: "invalid_length", message: "expected one accumulator per layer (1), got 0" },
    ]);
    for (const bad of [{ met: -1n, paid: 0n, bandBase: 0n }, { met: 0n, paid: -1n, bandBase: 0n }, { met: 0n, paid: 0n, bandBase: -1n }]) {
      expect(issues(() => splitBillMinorUnits(plan, { bill: 5n, accumulators: [bad] }))).toEqual([{ path: ["accumulators", 0], code: "too_small", message: "accumulators are ≥ 0" }]);
    }
    const met = domainError(() => splitBillMinorUnits(plan, { bill: 5n, accumulators: [{ met: 1001n, paid: 0n, bandBase: 0n }] }));
    expect([met.message, met.path]).toEqual(["accumulators[0].met: deductible met exceeds the layer's annual deductible", ["accumulators", 0, "met"]]);
    const paid = domainError(() => splitBillMinorUnits(plan, { bill: 5n, accumulators: [{ met: 0n, paid: 10001n, bandBase: 0n }] }));
    expect([paid.message, paid.path]).toEqual(["accumulators[0].paid: paid exceeds the layer's annual cap", ["accumulators", 0, "paid"]]);
  });

  it("settles in minor units from given accumulators", () => {
    // Deductible 1,000 fen met; cap 10,000 fen with 9,900 used: 50% × 5,000 = 2,500 capped to 100.
    const r = splitBillMinorUnits(plan, { bill: 5000n, accumulators: [{ met: 1000n, paid: 9900n, bandBase: 0n }] });
    expect(r.layers).toEqual([100n]);
    expect(r.patient).toBe(4900n);
    expect(r.accumulators).toEqual([{ met: 1000n, paid: 10000n, bandBase: 0n }]);
    // At the limits exactly: accepted.
    expect(splitBillMinorUnits(plan, { bill: 0n, accumulators: [{ met: 1000n, paid: 10000n, bandBase: 0n }] }).layers).toEqual([0n]);
    // From zero: 1,000 to the deductible, 50% × 4,000 = 2,000.
    expect(splitBillMinorUnits(plan, { bill: 5000n, catalogue: 5000n }).layers).toEqual([2000n]);
  });
});

describe("splitBillMinorUnits: hand-checked input", () => {
  it("the claim must be an object and its patient a record", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: 0.5 }] });
    const claimIssue = [{ path: ["claim"], code: "invalid_type", message: "expected a claim { bill, catalogue?, patient?, accumulators? }" }];
    for (const claim of [null, 5, "x"]) expect(issues(() => splitBillMinorUnits(plan, claim as never))).toEqual(claimIssue);
    expect(issues(() => splitBillMinorUnits(plan, { bill: 1n, patient: null as never }))).toEqual([{ path: ["patient"], code: "invalid_type", message: "the patient is a record of attributes" }]);
  });

  it("units are a whole number ≥ 0 and reach the buy-N-get-M layer", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "manufacturer", id: "pap", program: { type: "buyGet", buy: 2, get: 1 } }] });
    const unitsIssue = [{ path: ["units"], code: "invalid_units", message: "units are a whole number ≥ 0" }];
    for (const units of [-1, 1.5]) expect(issues(() => splitBillMinorUnits(plan, { bill: 300000n, units }))).toEqual(unitsIssue);
    // 10 units, buy 2 get 1: 3 cycles (3 free) + 1 paid → 3/10 × 300,000 fen = 90,000 fen.
    expect(splitBillMinorUnits(plan, { bill: 300000n, units: 10 }).layers).toEqual([90000n]);
    // No units dispensed: nothing free.
    expect(splitBillMinorUnits(plan, { bill: 300000n, units: 0 }).layers).toEqual([0n]);
  });

  it("the cycle is a whole number ≥ 1 and reaches the free-after-cycles layer", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "manufacturer", id: "f", program: { type: "freeAfterCycles", paidCycles: 1 } }] });
    const cycleIssue = [{ path: ["cycle"], code: "invalid_cycle", message: "the cycle is a whole number ≥ 1" }];
    for (const cycle of [0, 1.5]) expect(issues(() => splitBillMinorUnits(plan, { bill: 500n, cycle }))).toEqual(cycleIssue);
    // Cycle 1 is the one paid cycle; from cycle 2 the layer pays the whole 500 fen.
    expect([splitBillMinorUnits(plan, { bill: 500n, cycle: 1 }).layers, splitBillMinorUnits(plan, { bill: 500n, cycle: 2 }).layers]).toEqual([[0n], [500n]]);
  });

  it("the patient reaches a stratified rate", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: { by: "t", categories: { a: 0.2 } } }] });
    // 20% of 1,000 fen = 200 fen.
    expect(splitBillMinorUnits(plan, { bill: 1000n, patient: { t: "a" } }).layers).toEqual([200n]);
  });

  it("the catalogue amount must be a bigint", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: 0.5 }] });
    expect(issues(() => splitBillMinorUnits(plan, { bill: 1000n, catalogue: 500 as never }))).toEqual([
      { path: ["catalogue"], code: "invalid_amount", message: "the catalogue amount is a bigint count of minor units ≥ 0" },
    ]);
  });

  it("accumulators are a list of { met, paid, bandBase } bigints", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", deductible: "10", rate: 0.5, cap: "100" }] });
    expect(issues(() => splitBillMinorUnits(plan, { bill: 1n, accumulators: {} as never }))).toEqual([{ path: ["accumulators"], code: "invalid_type", message: "expected one accumulator per layer" }]);
    const elementIssue = [{ path: ["accumulators", 0], code: "invalid_type", message: "an accumulator is { met, paid, bandBase } in bigint minor units" }];
    const bad = [
      null,
      5,
      // a function is not a record, even with the right fields
      Object.assign(() => 0, { met: 0n, paid: 0n, bandBase: 0n }),
      { met: 0, paid: 0n, bandBase: 0n },
      { met: 0n, paid: 0, bandBase: 0n },
      { met: 0n, paid: 0n, bandBase: 0 },
    ];
    for (const a of bad) expect(issues(() => splitBillMinorUnits(plan, { bill: 1n, accumulators: [a as never] }))).toEqual(elementIssue);
  });

  it("accumulators beyond the deductible or the cap are INCONSISTENT_INPUT; an uncapped layer takes any paid figure", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", deductible: "10", rate: 0.5, cap: "100" }] });
    // Deductible 1,000 fen, cap 10,000 fen.
    const met = domainError(() => splitBillMinorUnits(plan, { bill: 1n, accumulators: [{ met: 1001n, paid: 0n, bandBase: 0n }] }));
    const paid = domainError(() => splitBillMinorUnits(plan, { bill: 1n, accumulators: [{ met: 0n, paid: 10001n, bandBase: 0n }] }));
    expect([met.code, paid.code]).toEqual(["INCONSISTENT_INPUT", "INCONSISTENT_INPUT"]);
    const open = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: 0.5 }] });
    // No cap: 50% of 1,000 fen = 500 fen whatever was paid before.
    expect(splitBillMinorUnits(open, { bill: 1000n, accumulators: [{ met: 0n, paid: 10n ** 12n, bandBase: 0n }] }).layers).toEqual([500n]);
  });
});
