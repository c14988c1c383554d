import { describe, expect, it } from "vitest";
import {
  analyzePsa,
  ceacSvg,
  cePlaneSvg,
  DomainError,
  frontier,
  frontierSvg,
  markovTraceSvg,
  money,
  runMarkovModel,
  runModelPsa,
  ValidationError,
} from "../../src/index.js";
import { domainError, validationError } from "../typed-errors.js";

/** The typed error `fn` throws, with the path it names. */
function expectTypedError(fn: () => unknown, kind: typeof DomainError | typeof ValidationError, path: readonly (string | number)[]): void {
  if (kind === DomainError) expect(domainError(fn).path).toEqual(path);
  else expect(validationError(fn).issues[0]!.path).toEqual(path);
}

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;
const seriesNames = (svg: string) => [...svg.matchAll(/<g class="series" data-name="([^"]*)"/g)].map((m) => m[1]);

describe("CE plane for an HTA committee", () => {
  // S2 − S1 per draw: ΔE = 0.5, 0.2, 0.7, 0.2 (mean 1.6 / 4 = 0.4); ΔC = 100, 140, 70, 100 (mean 410 / 4 = 102.5).
  const input = {
    strategies: ["S1", "S2"],
    costs: [[100, 120, 80, 110], [200, 260, 150, 210]],
    effects: [[1.0, 1.2, 0.9, 1.1], [1.5, 1.4, 1.6, 1.3]],
    lambda: 300,
    currency: "CNY",
  };

  it("marks each comparison's mean, prints it in the legend and draws its 95 % ellipse", () => {
    const svg = cePlaneSvg(input);
    const mean = svg.match(/<g class="mean" data-name="S2 vs S1" data-effect="([^"]+)" data-cost="([^"]+)">/);
    expect(mean).not.toBeNull();
    expect(Number(mean![1])).toBeCloseTo(0.4, 12);
    expect(Number(mean![2])).toBeCloseTo(102.5, 10);
    expect(svg).toContain("S2 vs S1: mean 0.4 QALYs, 102.5 CNY");
    expect(count(svg, /<g class="ellipse" data-name="S2 vs S1" data-level="0.95"/g)).toBe(1);
    // 4 draws + 1 legend dot: the mean is a diamond, not another circle.
    expect(count(svg, /<circle cx/g)).toBe(4 + 1);
  });

  it("labels the quadrants the plot reaches into and shades the cost-effective side of λ", () => {
    // Every ΔE > 0 and ΔC > 0 here, so without the ellipse (which reaches below ΔE = 0) the box starts at the origin: only NE has area.
    const noEllipse = cePlaneSvg({ ...input, ellipseLevel: null });
    expect(noEllipse).toContain("NE: more effective, more costly");
    expect(noEllipse).not.toContain("NW:");
    expect(noEllipse).not.toContain("SE:");
    const svg = cePlaneSvg(input);
    // The ellipse (ΔE sd ≈ 0.245, semi-axis ≈ √5.99 × 0.245 ≈ 0.6 > mean 0.4) reaches into ΔE < 0.
    expect(svg).toContain("NW: less effective, more costly (dominated)");
    const mixed = cePlaneSvg({ ...input, costs: [[100, 120, 80, 110], [50, 260, 150, 210]], effects: [[1.0, 1.2, 0.9, 1.1], [1.5, 1.0, 1.6, 1.3]] });
    expect(mixed).toContain("SE: more effective, less costly (dominant)");
    expect(mixed).toContain("NW: less effective, more costly (dominated)");
    expect(svg).toContain('<g class="cost-effective-region"><polygon points="');
    expect(svg).toContain("cost-effective at λ");
  });

  it("turns each addition off on request", () => {
    const svg = cePlaneSvg({ ...input, showMeans: false, ellipseLevel: null, quadrantLabels: false, shadeCostEffective: false });
    expect(svg).not.toContain('class="mean"');
    expect(svg).not.toContain('class="ellipse"');
    expect(svg).not.toContain('class="quadrants"');
    expect(svg).not.toContain('class="cost-effective-region"');
  });

  it("takes an analyzePsa input and a runModelPsa result whole", () => {
    const fromPsaInput = cePlaneSvg({ ...input, lambdas: [0, 300], lambda: 300 });
    expect(fromPsaInput).toBe(cePlaneSvg(input));
    const model = (pDeath: number | { param: string }, cost: number | { param: string }) => ({
      type: "markov" as const,
      states: ["Alive", "Dead"],
      initial: { Alive: 1 },
      cycles: 3,
      counting: "end" as const,
      transitions: [{ matrix: { Alive: { Alive: "complement" as const, Dead: pDeath }, Dead: { Dead: 1 } } }],
      streams: { qaly: { values: { Alive: 0.8 }, discountRate: 0 }, cost: { values: { Alive: cost }, discountRate: 0, currency: "CNY" } },
    });
    const psa = runModelPsa({
      draws: 50,
      seed: 7,
      parameters: { p: { value: 0.2, distribution: { type: "beta", alpha: 20, beta: 80 } }, c: { value: 1000, distribution: { type: "gamma", shape: 100, scale: 10 } } },
      strategies: [
        { name: "Old", model: model({ param: "p" }, 500) },
        { name: "New", model: model(0.1, { param: "c" }) },
      ],
    });
    const svg = cePlaneSvg({ ...psa, lambda: 50_000 });
    expect(seriesNames(svg)).toEqual(["New vs Old"]);
    expect(count(svg, /<circle cx/g)).toBe(50 + 1);
  });

  it("rejects an ellipse level outside (0, 1) with the field's path", () => {
    expectTypedError(() => cePlaneSvg({ ...input, ellipseLevel: 1 }), ValidationError, ["ellipseLevel"]);
  });
});

describe("frontier with ICER labels", () => {
  // A (0, 0) → B (10,000; 1 QALY): ICER 10,000; B → C (40,000; 2): 30,000 / 1 = 30,000. D is dominated by B.
  const doc = {
    strategies: [
      { name: "A", cost: money("0", "CNY"), effect: 0 },
      { name: "B", cost: money("10000", "CNY"), effect: 1 },
      { name: "C", cost: money("40000", "CNY"), effect: 2 },
      { name: "D", cost: money("20000", "CNY"), effect: 0.5 },
    ],
  };

  it("draws a frontier() result directly, each segment labelled with its ICER", () => {
    const svg = frontierSvg(frontier(doc));
    expect(seriesNames(svg)).toEqual(["A", "B", "C", "D"]);
    expect(svg).toContain('data-from="A" data-to="B">ICER CNY 10,000</text>');
    expect(svg).toContain('data-from="B" data-to="C">ICER CNY 30,000</text>');
    expect(svg).toContain('data-status="D"');
  });

  it("computes the segment ICER from cost and effect for plain input, and passes options beside a result", () => {
    const plain = frontierSvg({
      strategies: [
        { name: "A", cost: 0, effect: 0, status: "ND" },
        { name: "B", cost: 500, effect: 2, status: "ND" },
      ],
      currency: "CNY",
    });
    // 500 / 2 = 250
    expect(plain).toContain("ICER CNY 250");
    const titled = frontierSvg({ ...frontier(doc), title: "Frontier", icerLabels: false });
    expect(titled).toContain("<title>Frontier</title>");
    expect(titled).not.toContain("ICER");
  });

  it("rejects an unknown option beside a result", () => {
    expectTypedError(() => frontierSvg({ ...frontier(doc), colour: "red" } as never), ValidationError, ["colour"]);
  });
});

describe("CEAC that survives greyscale", () => {
  it("draws an analyzePsa result directly, each curve with its own dash pattern", () => {
    const r = analyzePsa({
      strategies: ["S1", "S2", "S3"],
      costs: [[100, 120, 80, 110], [200, 260, 150, 210], [300, 310, 290, 305]],
      effects: [[1.0, 1.2, 0.9, 1.1], [1.5, 1.4, 1.6, 1.3], [1.7, 1.8, 1.6, 1.9]],
      lambdas: [0, 300, 600],
      currency: "CNY",
    });
    const svg = ceacSvg(r);
    expect(seriesNames(svg)).toEqual(["S1", "S2", "S3"]);
    const dashes = [...svg.matchAll(/<g class="series" data-name="[^"]*"><path [^>]*?(?:stroke-dasharray="([^"]+)")?\/>/g)].map((m) => m[1] ?? "solid");
    expect(dashes).toEqual(["solid", "8 4", "2 3"]);
    // CEAF rings: one per λ, plus the legend's ring.
    expect(count(svg, /<circle [^>]*fill="none" stroke="#000"\/>/g)).toBe(3 + 1);
    // At λ = 0 the cheapest (S1) wins every draw: its curve starts at probability 1 (the top of the axis, y = 50).
    expect(svg).toMatch(/data-name="S1"><path d="M90,50 /);
  });
});

describe("Markov trace", () => {
  it("plots a runMarkovModel result against time, one dashed line per state", () => {
    const r = runMarkovModel({
      states: ["Alive", "Dead"],
      initial: { Alive: 1 },
      cycles: 3,
      transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 0.2 }, Dead: { Dead: 1 } } }],
      counting: "end",
      streams: { qaly: { values: { Alive: 0.7 }, discountRate: 0.03 } },
    });
    const svg = markovTraceSvg(r);
    expect(seriesNames(svg)).toEqual(["Alive", "Dead"]);
    expect(svg).toContain("Time (years)");
    expect(svg).toContain('stroke-dasharray="8 4"');
    // Alive: 1, 0.8, 0.64, 0.512 — four points on the path.
    const alive = svg.match(/data-name="Alive"><path d="([^"]+)"/)![1]!;
    expect(alive.split(" ").length).toBe(4);
  });

  it("maps shares onto the axis: a plain trace's end points sit at the top and bottom of the plot", () => {
    const svg = markovTraceSvg({ states: ["Well", "Dead"], trace: [[1, 0], [0.5, 0.5], [0, 1]], title: "Two states" });
    // Plot area: y from 50 (share 1) to 420 (share 0); x from 90 to 550 over ticks 0 … 2.
    expect(svg).toMatch(/data-name="Well"><path d="M90,50 L[\d.]+,235 L550,420"/);
    expect(svg).toContain("<title>Two states</title>");
  });

  it("rejects ragged rows and times that do not increase", () => {
    expectTypedError(() => markovTraceSvg({ states: ["A", "B"], trace: [[1, 0], [1]] }), DomainError, ["trace", 1]);
    expectTypedError(() => markovTraceSvg({ states: ["A"], trace: [[1], [1]], times: [0, 0] }), DomainError, ["times", 1]);
    expectTypedError(() => markovTraceSvg({ states: ["A"], trace: [[1.5]] }), ValidationError, ["trace", 0, 0]);
  });
});
