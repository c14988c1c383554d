import { describe, expect, it } from "vitest";
import { frontier, runMarkovModel, runModelPsa, toFrontierInput } from "../../src/index.js";
import { hivCombo, hivMono, hivPsa } from "./hiv-fixture.js";

// Published results (Briggs, Claxton & Sculpher 2006, ch. 2, exercise 2.5 and its
// spreadsheet solution): monotherapy 7.991 life-years (the text prints 7.996) and
// £44,663; combination 8.937 life-years and £50,602; ICER £6,276 per life-year gained.
describe("Textbook model: Chancellor et al. 1997 HIV model (Briggs et al. 2006, exercise 2.5)", () => {
  const mono = runMarkovModel(hivMono);
  const combo = runMarkovModel(hivCombo);

  it("monotherapy: 7.991 undiscounted life-years, £44,663 discounted cost", () => {
    expect(mono.streams.ly?.total.toFixed(3)).toBe("7.991");
    expect(Math.round(mono.streams.cost?.total ?? 0)).toBe(44663);
  });

  it("combination therapy for 2 years: 8.937 life-years, £50,602", () => {
    expect(combo.streams.ly?.total.toFixed(3)).toBe("8.937");
    expect(Math.round(combo.streams.cost?.total ?? 0)).toBe(50602);
  });

  it("end to end through valuation's frontier: both ND, ICER £6,276 per life-year", () => {
    const input = toFrontierInput({
      strategies: [
        { name: "Mono", result: mono },
        { name: "Combination", result: combo },
      ],
      effectStream: "ly",
    });
    expect(input.strategies[0]?.cost.toString()).toBe("GBP 44663.45");
    const f = frontier(input);
    const c = f.strategies.find((s) => s.name === "Combination");
    expect(f.strategies.map((s) => s.status)).toEqual(["ND", "ND"]);
    expect(Math.round(Number(c?.icer?.amount.toString()))).toBe(6276);
  });

  it("PSA of the same model centres on the deterministic result and is reproducible", () => {
    const a = runModelPsa(hivPsa(2000, 7));
    const b = runModelPsa(hivPsa(2000, 7));
    expect(a.costs[1]).toEqual(b.costs[1]);
    const meanLy = (k: number) => (a.effects[k] as Float64Array).reduce((x, y) => x + y, 0) / a.draws;
    // Dirichlet rows centred on the observed shares and gamma costs centred on the
    // point values, so the means land near 7.99 / 8.94 LY (RR log-normal mean is slightly above 0.509).
    expect(Math.abs(meanLy(0) - 7.991)).toBeLessThan(0.05);
    expect(Math.abs(meanLy(1) - 8.937)).toBeLessThan(0.1);
    expect(Math.abs((a.summary[0]?.meanCost ?? 0) - 44663) / 44663).toBeLessThan(0.02);
  });
});
