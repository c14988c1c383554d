// Regressions found by fuzzing (test/fuzz).
import { describe, expect, it } from "vitest";
import { ceacSvg, cePlaneSvg, DomainError } from "../../src/index.js";

describe("plots regressions (fuzz)", () => {
  it("a λ axis spanning a subnormal range terminates (niceTicks looped forever and crashed the process)", () => {
    const svg = ceacSvg({ lambdas: [0, 5e-324], strategies: ["A"], probabilities: [[1, 1]], optimal: ["A", "A"] });
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
  it("near-equal huge values and values across the float range give finite coordinates", () => {
    expect(ceacSvg({ lambdas: [1e17, 1e17 + 16], strategies: ["A"], probabilities: [[1, 1]], optimal: ["A", "A"] })).not.toMatch(/NaN|Infinity/);
    const svg = cePlaneSvg({ strategies: ["A", "B"], costs: [[1, 2], [3, 4]], effects: [[1e308, 1], [1.5, 1.4]], lambda: 300, incremental: false });
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
  it("an incremental difference that overflows is an OUT_OF_DOMAIN error", () => {
    expect(() => cePlaneSvg({ strategies: ["A", "B"], costs: [[1], [2]], effects: [[-1.5e308], [1.5e308]] })).toThrow(DomainError);
  });
});
