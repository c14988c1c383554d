// B2 in the plots: a plot labels the currency its data carries and, given none, names no
// currency at all — it never invents CNY.
import { describe, expect, it } from "vitest";
import { analyzePsa, ceacSvg, cePlaneSvg, frontier, frontierSvg, money, ValidationError } from "../../src/index.js";

const draws = { strategies: ["S1", "S2"], costs: [[100, 120, 80, 110], [200, 260, 150, 210]], effects: [[1.0, 1.2, 0.9, 1.1], [1.5, 1.4, 1.6, 1.3]] };
const ceac = { lambdas: [0, 300], strategies: ["S1", "S2"], probabilities: [[1, 0.5], [0, 0.5]] };
const nd = { strategies: [{ name: "A", cost: 0, effect: 0, status: "ND" as const }, { name: "B", cost: 500, effect: 2, status: "ND" as const }] };

describe("plots without a currency", () => {
  it("the CE plane labels its cost axis and means without a code", () => {
    const svg = cePlaneSvg({ ...draws, lambda: 300 });
    expect(svg).not.toContain("CNY");
    expect(svg).toContain(">Incremental cost<");
    // S2 − S1: ΔE mean 1.6 / 4 = 0.4, ΔC mean 410 / 4 = 102.5.
    expect(svg).toContain("S2 vs S1: mean 0.4 QALYs, cost 102.5");
    expect(cePlaneSvg({ ...draws, incremental: false })).toContain(">cost<");
  });

  it("the CEAC's λ axis is per QALY with no code", () => {
    const svg = ceacSvg(ceac);
    expect(svg).not.toContain("CNY");
    expect(svg).toContain("Willingness to pay λ (per QALY)");
  });

  it("the frontier's cost axis and ICER labels carry no code", () => {
    const svg = frontierSvg(nd);
    expect(svg).not.toContain("CNY");
    expect(svg).toContain(">Cost<");
    // 500 / 2 = 250
    expect(svg).toContain(">ICER 250</text>");
  });

  it("an empty currency is refused at `currency`, not drawn as an empty label", () => {
    for (const fn of [() => cePlaneSvg({ ...draws, currency: "" }), () => ceacSvg({ ...ceac, currency: "" }), () => frontierSvg({ ...nd, currency: "" })]) {
      try {
        fn();
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).issues[0]!.path).toEqual(["currency"]);
      }
    }
  });
});

describe("plots with a currency label it: the data's, never CNY by default", () => {
  it("a USD analyzePsa result and a USD frontier() result are labelled USD", () => {
    const psa = analyzePsa({ ...draws, lambdas: [0, 300], currency: "USD" });
    const c = ceacSvg(psa);
    expect(c).toContain("Willingness to pay λ (USD per QALY)");
    expect(c).not.toContain("CNY");
    const f = frontierSvg(frontier({ strategies: [{ name: "A", cost: money("0", "USD"), effect: 0 }, { name: "B", cost: money("500", "USD"), effect: 2 }] }));
    expect(f).toContain(">Cost (USD)<");
    expect(f).toContain(">ICER USD 250</text>");
    const p = cePlaneSvg({ ...draws, currency: "USD" });
    expect(p).toContain(">Incremental cost (USD)<");
    expect(p).toContain("S2 vs S1: mean 0.4 QALYs, 102.5 USD");
    expect(p).not.toContain("CNY");
  });
});
