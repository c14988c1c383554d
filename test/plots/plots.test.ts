import { describe, expect, it } from "vitest";
import { cePlaneSvg, ceacSvg, DomainError, frontierSvg, ValidationError } from "../../src/index.js";

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;
const seriesNames = (svg: string) => [...svg.matchAll(/<g class="series" data-name="([^"]*)"/g)].map((m) => m[1]);

function wellFormed(svg: string) {
  expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
  expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  // every opened <g> is closed
  expect(count(svg, /<g[ >]/g)).toBe(count(svg, /<\/g>/g));
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  expect(count(svg, /class="axis x-axis"/g)).toBe(1);
  expect(count(svg, /class="axis y-axis"/g)).toBe(1);
}

describe("cost-effectiveness plane", () => {
  const input = {
    strategies: ["S1", "S2", "S3"],
    costs: [new Float64Array([100, 120, 80, 110]), [200, 260, 150, 210], [300, 310, 290, 305]],
    effects: [[1.0, 1.2, 0.9, 1.1], new Float64Array([1.5, 1.4, 1.6, 1.3]), [1.7, 1.8, 1.6, 1.9]],
    lambda: 300,
    title: "V5 draws",
    currency: "CNY",
  };

  it("draws one labelled scatter series per non-reference strategy, axes, and the λ line", () => {
    const svg = cePlaneSvg(input);
    wellFormed(svg);
    expect(seriesNames(svg)).toEqual(["S2 vs S1", "S3 vs S1"]);
    expect(count(svg, /<circle cx/g)).toBe(8 + 2); // 4 draws × 2 series + 2 legend dots
    expect(svg).toContain("Incremental effect (QALYs)");
    expect(svg).toContain("Incremental cost (CNY)");
    expect(svg).toContain('<g class="threshold"');
    expect(svg).toContain("λ = 300");
    expect(svg).toContain("<title>V5 draws</title>");
  });

  it("plots absolute values with one series per strategy when not incremental", () => {
    const svg = cePlaneSvg({ ...input, incremental: false, lambda: undefined });
    expect(seriesNames(svg)).toEqual(["S1", "S2", "S3"]);
    expect(svg).not.toContain('class="threshold"');
  });

  it("thins large draw sets to maxPoints per series, deterministically", () => {
    const big = Float64Array.from({ length: 10_000 }, (_, i) => i);
    const a = cePlaneSvg({ strategies: ["A", "B"], costs: [big, big], effects: [big, big], maxPoints: 100 });
    expect(count(a, /<circle cx/g)).toBe(100 + 1);
    expect(cePlaneSvg({ strategies: ["A", "B"], costs: [big, big], effects: [big, big], maxPoints: 100 })).toBe(a);
  });

  it("rejects ragged draws, unknown references and non-finite values", () => {
    expect(() => cePlaneSvg({ ...input, costs: [[1, 2], [1, 2, 3, 4], [1, 2, 3, 4]] })).toThrow(DomainError);
    expect(() => cePlaneSvg({ ...input, reference: "S9" })).toThrow(/reference strategy "S9"/);
    try {
      cePlaneSvg({ ...input, costs: [[1, Number.NaN, 3, 4], input.costs[1]!, input.costs[2]!] });
      throw new Error("expected failure");
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.path.slice(0, 2)).toEqual(["costs", 0]);
    }
  });
});

describe("CEAC", () => {
  const input = {
    lambdas: [0, 100, 200, 300],
    strategies: ["S1", "S2"],
    probabilities: [
      [1, 0.75, 0.5, 0.5],
      [0, 0.25, 0.5, 0.5],
    ],
    optimal: ["S1", "S1", "S2", "S2"],
    currency: "CNY",
  };

  it("draws one curve per strategy on a [0, 1] axis with the CEAF overlay", () => {
    const svg = ceacSvg(input);
    wellFormed(svg);
    expect(seriesNames(svg)).toEqual(["S1", "S2"]);
    expect(count(svg, /<path d="M/g)).toBe(2);
    expect(svg).toContain("Probability cost-effective");
    expect(svg).toContain("Willingness to pay λ (CNY per QALY)");
    expect(count(svg, /class="ceaf"/g)).toBe(1);
    expect(svg).toContain(">CEAF (optimal in expectation)<");
  });

  it("rejects probabilities outside [0, 1], ragged rows and unknown CEAF strategies", () => {
    expect(() => ceacSvg({ ...input, probabilities: [[1, 0.75, 0.5, 1.5], [0, 0.25, 0.5, 0.5]] })).toThrow(/outside \[0, 1\]/);
    expect(() => ceacSvg({ ...input, probabilities: [[1, 0.75], [0, 0.25, 0.5, 0.5]] })).toThrow(DomainError);
    expect(() => ceacSvg({ ...input, optimal: ["S1", "S1", "S3", "S2"] })).toThrow(/"S3" is not among/);
    expect(() => ceacSvg({ ...input, lambdas: [] })).toThrow(DomainError);
  });
});

describe("frontier", () => {
  // V3 of the spec, costs in CNY.
  const v3 = [
    { name: "A", cost: 0, effect: 0, status: "ND" as const },
    { name: "B", cost: 100000, effect: 1, status: "ND" as const },
    { name: "D", cost: 250000, effect: 0.9, status: "D" as const },
    { name: "C", cost: 300000, effect: 1.5, status: "ED" as const },
    { name: "E", cost: 500000, effect: 2.5, status: "ND" as const },
  ];

  it("labels every strategy, colours by status and draws the frontier through ND strategies", () => {
    const svg = frontierSvg({ strategies: v3 });
    wellFormed(svg);
    expect(seriesNames(svg)).toEqual(["A", "B", "D", "C", "E"]);
    expect(count(svg, /data-status="ND"/g)).toBe(3);
    const path = /<g class="frontier"><path d="([^"]+)"/.exec(svg)?.[1] ?? "";
    expect(path.split(" ").length).toBe(3); // A → B → E
    for (const label of ["non-dominated (on the frontier)", "extendedly dominated", "dominated"]) expect(svg).toContain(`>${label}<`);
    expect(svg).toContain(">500,000<");
  });

  it("rejects unknown statuses and missing names", () => {
    expect(() => frontierSvg({ strategies: [{ name: "A", cost: 0, effect: 0, status: "X" as "ND" }] })).toThrow(ValidationError);
    expect(() => frontierSvg({ strategies: [] })).toThrow(ValidationError);
  });
});
