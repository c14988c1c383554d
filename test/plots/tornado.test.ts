// The tornado diagram and the two-way optimal-strategy map, drawn from the library's own results.
import { describe, expect, it } from "vitest";
import { DomainError, oneWaySensitivity, tornadoSvg, twoWaySensitivity, twoWaySvg, ValidationError } from "../../src/index.js";
import { cny, linearSource } from "../valuation/sensitivity-fixtures.js";

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;
const seriesNames = (svg: string) => [...svg.matchAll(/<g class="series" data-name="([^"]*)"/g)].map((m) => m[1]);

function wellFormed(svg: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  expect(count(svg, /<g[ >]/g)).toBe(count(svg, /<\/g>/g));
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  expect(count(svg, /class="axis x-axis"/g)).toBe(1);
  expect(count(svg, /class="axis y-axis"/g)).toBe(1);
}

const lambda = cny("100000");
const owsa = oneWaySensitivity({
  source: linearSource,
  lambda,
  ranges: [
    { parameter: "cStd", low: 5000, high: 12000 },
    { parameter: "drug", low: 10000, high: 60000 },
    { parameter: "u", low: 0.6, high: 1 },
  ],
  outcome: { type: "incremental-nmb", strategy: "New", comparator: "Std" },
});

/** Pixel x of each bar's rectangles (two per parameter) and the rows' vertical order. */
function bars(svg: string) {
  return [...svg.matchAll(/<g class="series" data-name="([^"]*)">(.*?)<\/g>/g)].map((m) => ({
    name: m[1],
    rects: [...m[2]!.matchAll(/<rect x="([-\d.]+)" y="([-\d.]+)" width="([-\d.]+)"/g)].map((r) => ({ x: Number(r[1]), y: Number(r[2]), w: Number(r[3]) })),
  }));
}

describe("tornado diagram", () => {
  it("takes the oneWaySensitivity result directly: one row per parameter, widest swing on top", () => {
    const svg = tornadoSvg({ sensitivity: owsa });
    wellFormed(svg);
    expect(seriesNames(svg)).toEqual(["drug", "u", "cStd"]);
    const b = bars(svg);
    // rows top to bottom
    expect(b[0]!.rects[0]!.y).toBeLessThan(b[1]!.rects[0]!.y);
    expect(b[1]!.rects[0]!.y).toBeLessThan(b[2]!.rects[0]!.y);
    // bar widths follow the swings: drug 50,000 > u 40,000 > cStd 7,000
    const width = (i: number) => b[i]!.rects.reduce((s, r) => s + r.w, 0);
    expect(width(0)).toBeGreaterThan(width(1));
    expect(width(1)).toBeGreaterThan(width(2));
    expect(width(0) / width(2)).toBeCloseTo(50000 / 7000, 1);
    expect(svg).toContain("Incremental NMB of New vs Std (CNY)");
    expect(svg).toContain("drug (10,000 to 60,000; flips at 40,000)");
    expect(svg).toContain("u (0.6 to 1; flips at 0.7)");
    expect(svg).toContain("cStd (5,000 to 12,000)</text>");
    expect(svg).toContain('class="base-case"');
    // legend: low solid, high hatched (redundant with colour), base case dashed
    expect(svg).toContain("parameter at its low value");
    expect(svg).toContain("parameter at its high value (hatched)");
    expect(svg).toContain('fill="url(#tornado-hatch)"');
    expect(svg).toContain('stroke-dasharray="6 4"');
  });

  it("maxBars draws only the widest bars; the title can be set", () => {
    const svg = tornadoSvg({ sensitivity: owsa, maxBars: 2, title: "Top two" });
    expect(seriesNames(svg)).toEqual(["drug", "u"]);
    expect(svg).toContain("<title>Top two</title>");
  });

  it("an undefined end (ICER with no effect difference) is left out, not drawn as NaN", () => {
    const r = oneWaySensitivity({
      source: linearSource,
      lambda,
      ranges: [{ parameter: "u", low: 0.5, high: 1 }],
      outcome: { type: "icer", strategy: "New", comparator: "Std" },
    });
    const svg = tornadoSvg({ sensitivity: r });
    wellFormed(svg);
    expect(bars(svg)[0]!.rects).toHaveLength(1);
  });

  it("bad input: typed errors", () => {
    expect(() => tornadoSvg({ sensitivity: { tornado: { label: "x", base: null, bars: [] } } } as never)).toThrow(ValidationError);
    expect(() => tornadoSvg({ sensitivity: { tornado: { label: "x", base: null, bars: [{ parameter: "p", low: 0, high: 1, atLow: null, atHigh: null }] } } })).toThrow(DomainError);
    expect(() => tornadoSvg({ sensitivity: { tornado: { label: "x", base: "NaN", bars: [{ parameter: "p", low: 0, high: 1, atLow: 1, atHigh: 2 }] } } })).toThrow(ValidationError);
    expect(() => tornadoSvg({} as never)).toThrow(ValidationError);
  });
});

describe("two-way optimal-strategy map", () => {
  const twsa = twoWaySensitivity({
    source: linearSource,
    lambda,
    x: { parameter: "drug", low: 10000, high: 60000, points: 6 },
    y: { parameter: "u", low: 0.6, high: 1, points: 5 },
  });

  it("takes the twoWaySensitivity result directly: one cell per grid point, grouped by optimal strategy", () => {
    const svg = twoWaySvg({ sensitivity: twsa });
    wellFormed(svg);
    expect(seriesNames(svg)).toEqual(["Std", "New"]);
    // Std optimal in 10 cells, New in 20 (worked in sensitivity.test.ts)
    const cells = (name: string) => count(svg.match(new RegExp(`<g class="series" data-name="${name}">.*?</g>`))![0], /<rect /g);
    expect(cells("Std")).toBe(10);
    expect(cells("New")).toBe(20);
    // each strategy its own colour and hatch angle
    expect(svg).toContain('patternTransform="rotate(0)"');
    expect(svg).toContain('patternTransform="rotate(45)"');
    expect(svg).toContain(">Std optimal</text>");
    expect(svg).toContain(">drug</text>");
    expect(svg).toContain(">u</text>");
  });

  it("bad input: typed errors", () => {
    const bad = { ...twsa, optimal: twsa.optimal.slice(1) };
    expect(() => twoWaySvg({ sensitivity: bad })).toThrow(DomainError);
    const unknown = { ...twsa, optimal: twsa.optimal.map((row) => row.map(() => "Other")) };
    expect(() => twoWaySvg({ sensitivity: unknown })).toThrow(DomainError);
    expect(() => twoWaySvg({ sensitivity: { ...twsa, x: { parameter: "drug", values: [2, 1, 3, 4, 5, 6] } } })).toThrow(DomainError);
    expect(() => twoWaySvg({} as never)).toThrow(ValidationError);
  });
});
