// B2 ("silent currency"): every PSA entry point that states costs requires their currency.
// A missing one is a ValidationError at path `currency` with core's required-currency
// message and code (the mechanism contracts and plans use); nothing falls back to CNY.
import { describe, expect, it } from "vitest";
import { analyzePsa, analyzePsaChunks, createPsaAccumulator, psaInputFromDraws, toFrontierInput, ValidationError } from "../../src/index.js";
import { firstIssue, issue } from "../typed-errors.js";

const REQUIRED = { path: ["currency"], code: "invalid_type", message: 'the currency is required: a document that states amounts states its currency (e.g. "CNY")' };
const v5 = { strategies: ["S1", "S2"], costs: [[100, 120, 80, 110], [200, 260, 150, 210]], effects: [[1.0, 1.2, 0.9, 1.1], [1.5, 1.4, 1.6, 1.3]], lambdas: [300] };

describe("PSA inputs: the currency is required", () => {
  it("analyzePsa without a currency is refused at `currency`; with one, the result is in it", () => {
    expect(issue(() => analyzePsa(v5 as never))).toEqual(REQUIRED);
    // V5 at λ = 300: EVPI 30 (mean best NMB 260 − best mean NMB 230), in the stated currency.
    expect(analyzePsa({ ...v5, currency: "USD" }).points[0]!.evpi.toString()).toBe("USD 30.00");
  });

  it("analyzePsa refuses a runModelPsa-shaped input whose cost stream stated no currency", () => {
    const modelResult = { ...v5, draws: 4, seed: 1, summary: [], explanation: [] };
    expect(issue(() => analyzePsa(modelResult as never))).toEqual(REQUIRED);
  });

  it("createPsaAccumulator and analyzePsaChunks without a currency are refused at `currency`", () => {
    expect(issue(() => createPsaAccumulator({ strategies: ["S1", "S2"], lambdas: [300] } as never))).toEqual(REQUIRED);
    const chunks = [{ costs: v5.costs, effects: v5.effects }];
    expect(issue(() => analyzePsaChunks({ strategies: ["S1", "S2"], lambdas: [300], chunks } as never))).toEqual(REQUIRED);
  });

  it("psaInputFromDraws without a currency is refused at `currency`", () => {
    const draws = [{ costs: [100, 200], effects: [1, 1.5] }];
    expect(issue(() => psaInputFromDraws({ strategies: ["S1", "S2"], draws, lambdas: [300] } as never))).toEqual(REQUIRED);
  });

  it("a currency that is not an ISO 4217 code is refused at `currency` too", () => {
    const e = firstIssue(() => analyzePsa({ ...v5, currency: "cny" }));
    expect([e.path, e.code]).toEqual([["currency"], "invalid_format"]);
  });
});

describe("toFrontierInput: no currency is assumed for a cost stream that states none", () => {
  const result = (cost: number, currency?: string) => ({ streams: { cost: currency === undefined ? { total: cost } : { total: cost, currency }, qaly: { total: 1 } } });

  it("a cost stream without a currency and no `currency` is refused at `currency`", () => {
    const e = issue(() => toFrontierInput({ strategies: [{ name: "A", result: result(100) }] }));
    expect([e.path, e.code]).toEqual([["currency"], "invalid_type"]);
    expect(e.message).toBe('the currency is required: strategy "A"\'s cost stream "cost" states none, so give `currency`');
    expect(() => toFrontierInput({ strategies: [{ name: "A", result: result(100) }] })).toThrow(ValidationError);
  });

  it("the stream's own currency, else the given one, is used", () => {
    // 100.125 (exact in binary) rounds half-up to 100.13.
    const r = toFrontierInput({ strategies: [{ name: "A", result: result(100.125, "EUR") }, { name: "B", result: result(7) }], currency: "USD" });
    expect(r.strategies.map((s) => s.cost.toString())).toEqual(["EUR 100.13", "USD 7.00"]);
  });
});
