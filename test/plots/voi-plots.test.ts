import { describe, expect, it } from "vitest";
import { analyzePsa, DomainError, evpiCurveSvg, evppi, evppiBarsSvg, evsi, evsiCurveSvg, expectedLossSvg, ValidationError } from "../../src/index.js";
import { threeArmCase } from "../valuation/voi-data.js";

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;
const seriesNames = (svg: string) => [...svg.matchAll(/<g class="series" data-name="([^"]*)"/g)].map((m) => m[1]);

function wellFormed(svg: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  expect(count(svg, /<g[ >]/g)).toBe(count(svg, /<\/g>/g));
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  expect(count(svg, /class="axis x-axis"/g)).toBe(1);
  expect(count(svg, /class="axis y-axis"/g)).toBe(1);
  expect(svg).toContain('<g class="legend">');
}

const base = threeArmCase(600);
const lambdas = [0, 100_000, 200_000, 300_000, 400_000];
const psa = analyzePsa({ strategies: base.strategies, costs: base.costs, effects: base.effects, lambdas, currency: "CNY" });
const ev = evppi({ ...base, lambdas, groups: [["uResponse"], ["pResponse"], ["pResponse", "uResponse"]], method: { type: "poly" } });
const studyCost = { fixed: { amount: "200000", currency: "CNY" }, perPatient: { amount: "3000", currency: "CNY" } };
const es = evsi({ ...base, group: ["pResponse"], sampleSizes: [0, 25, 100, 400], priorSampleSize: 50, lambdas: [300_000], method: { type: "poly" }, population: 2000, studyCost });
const esPlain = evsi({ ...base, group: ["pResponse"], sampleSizes: [0, 25, 100, 400], priorSampleSize: 50, lambdas: [300_000], method: { type: "poly" } });

describe("VOI plots take the library's results directly", () => {
  it("EVPI curve over λ, with EVPPI overlays in distinct colours and dashes, axis labels and a legend", () => {
    const svg = evpiCurveSvg({ psa, evppi: ev });
    wellFormed(svg);
    expect(seriesNames(svg)).toEqual(["EVPI", "EVPPI: uResponse", "EVPPI: pResponse", "EVPPI: pResponse + uResponse"]);
    expect(svg).toContain("Willingness to pay λ (CNY per QALY)");
    expect(svg).toContain("Value per patient (CNY)");
    const strokes = [...svg.matchAll(/<g class="series"[^>]*><path [^>]*stroke="([^"]+)"[^>]*?(?:stroke-dasharray="([^"]+)")?\/>/g)].map((m) => `${m[1]}|${m[2] ?? ""}`);
    expect(new Set(strokes).size).toBe(4); // colour and line type both differ
    expect(count(svg, /stroke-dasharray/g)).toBeGreaterThanOrEqual(3 + 3); // 3 dashed series + their legend marks
    expect(evpiCurveSvg({ psa })).not.toContain("EVPPI");
  });

  it("accepts results after a JSON round trip (exact figures as strings)", () => {
    const svg = evpiCurveSvg({ psa: JSON.parse(JSON.stringify(psa)), evppi: JSON.parse(JSON.stringify(ev)) });
    expect(svg).toBe(evpiCurveSvg({ psa, evppi: ev }));
  });

  it("EVPPI bars at one λ, largest first, with the EVPI reference line", () => {
    const svg = evppiBarsSvg({ evppi: ev, lambda: 300_000 });
    wellFormed(svg);
    const at = (i: number) => Number(ev.groups[i]!.points[3]!.evppiExact.toString());
    const order = [0, 1, 2].sort((a, b) => at(b) - at(a) || a - b).map((i) => ev.groups[i]!.label);
    expect(seriesNames(svg)).toEqual(order);
    expect(svg).toContain('data-name="EVPI"');
    expect(svg).toContain("EVPPI per patient (CNY) at λ = 300,000");
    expect(count(svg, /<rect x="[^"]+" y="[^"]+" width/g)).toBe(3 + 1); // bars + legend swatch
  });

  it("EVSI over n: per-patient EVSI with its EVPPI limit, or population EVSI, study cost and ENBS", () => {
    const plain = evsiCurveSvg({ evsi: esPlain });
    wellFormed(plain);
    expect(seriesNames(plain)).toEqual(["EVSI", "EVPPI (n → ∞)"]);
    expect(plain).toContain("Study sample size n");
    const withCost = evsiCurveSvg({ evsi: es });
    wellFormed(withCost);
    expect(seriesNames(withCost)).toEqual(["Population EVSI", "Study cost", "ENBS"]);
    expect(withCost).toContain("Population value (CNY)");
  });

  it("expected-loss curves per strategy with the optimal strategy ringed at each λ", () => {
    const svg = expectedLossSvg({ psa });
    wellFormed(svg);
    expect(seriesNames(svg)).toEqual(base.strategies);
    expect(count(svg, /<circle [^>]*fill="none" stroke="#000"\/>/g)).toBe(lambdas.length + 1); // rings + legend ring
    expect(svg).toContain("Expected loss per patient (CNY)");
  });

  it("bad input: a λ the result lacks, a currency mismatch, a malformed result", () => {
    expect(() => evppiBarsSvg({ evppi: ev, lambda: 123 })).toThrow(DomainError);
    expect(() => evsiCurveSvg({ evsi: es, lambda: 1 })).toThrow(DomainError);
    expect(() => evpiCurveSvg({ psa, evppi: { ...ev, currency: "USD" } })).toThrow(/currency|USD/);
    expect(() => expectedLossSvg({ psa: { ...psa, points: [] } })).toThrow(ValidationError);
    expect(() => expectedLossSvg({ psa: { ...psa, points: [{ ...psa.points[0]!, expectedLossExact: [] }] } })).toThrow(DomainError);
    expect(() => evpiCurveSvg({ psa: { currency: "CNY", points: [{ lambda: 0, evpiExact: "1e400" }] } as never })).toThrow(ValidationError);
  });
});

describe("VOI plots refuse figures they cannot draw", () => {
  it("an EVPPI figure of −1e308 (finite, but its axis span overflows to Infinity) is a ValidationError, not an SVG with Infinity", () => {
    // Found by the fuzz harness: a bar from −1e308 to 22 makes the axis padding overflow.
    const json = JSON.parse(JSON.stringify(ev)) as { groups: { points: { evppiExact: string | number }[] }[] };
    json.groups[1]!.points[0]!.evppiExact = -1e308;
    expect(() => evppiBarsSvg({ evppi: json as never, lambda: 0 })).toThrow(ValidationError);
  });
});
