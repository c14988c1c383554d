// L1 (part): parsed plans are deep-frozen and their brand cannot be forged.
import { describe, expect, it } from "vitest";
import { isCoveragePlan, parseLayers, splitBill } from "../../src/index.js";

describe("L1: shared state", () => {
  it("L1: a document carrying Symbol.for(\"precision-vbp.tiers.coveragePlan\") is not taken for a parsed plan", () => {
    const forged = { currency: "CNY", scale: 2, rounding: "half-up", layers: [{ kind: "basic", id: "b", rate: 0.5 }] };
    Object.defineProperty(forged, Symbol.for("precision-vbp.tiers.coveragePlan"), { value: true });
    expect(isCoveragePlan(forged)).toBe(false);
  });

  it("L1: a parsed plan is frozen all the way down: changing a layer is refused, the next claim is unchanged", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: 0.5, cap: "100" }] });
    expect(Object.isFrozen(plan.layers)).toBe(true);
    expect(Object.isFrozen(plan.layers[0])).toBe(true);
    expect(() => {
      (plan.layers[0] as { cap: bigint | null }).cap = null;
    }).toThrow(TypeError);
    expect(splitBill({ plan, bill: "1000" }).layers[0]!.amount.toString()).toBe("CNY 100.00");
  });
});
