import { describe, expect, it } from "vitest";
import { axes, dashAttr, DEFAULT_FRAME, document, esc, extent, frameFor, legend, linear, maxOf, niceTicks, num, tickLabel } from "../../src/plots/svg.js";

// The shared SVG building blocks every plot is drawn with. Expected values worked by hand.
describe("plots: ticks, numbers and scales", () => {
  it("niceTicks picks the first of 1, 2, 2.5, 5, 10 × 10ⁿ at least (max − min) / count and covers the range", () => {
    // (100 − 0) / 6 = 16.7 → step 20 (10ⁿ = 10)
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    // 1 / 6 = 0.167 → step 0.2
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    // 100 / 4 = 25 → step 25
    expect(niceTicks(0, 100, 4)).toEqual([0, 25, 50, 75, 100]);
    // 10 / 6 = 1.67 → step 2, from floor(−5 / 2)·2 = −6; 4 < 5 so one more tick at 6
    expect(niceTicks(-5, 5)).toEqual([-6, -4, -2, 0, 2, 4, 6]);
  });

  it("niceTicks widens an empty range (by 1 around 0, by 10 % elsewhere) and falls back to the ends where a step cannot walk", () => {
    // [0, 0] → [−1, 1]: 2 / 6 = 0.33 → step 0.5
    expect(niceTicks(0, 0)).toEqual([-1, -0.5, 0, 0.5, 1]);
    // [50, 50] → [45, 55]: 10 / 6 → step 2, from 44
    expect(niceTicks(50, 50)).toEqual([44, 46, 48, 50, 52, 54, 56]);
    // a step lost in the rounding of a huge value
    expect(niceTicks(1e300, 1e300 + 1e284)).toEqual([1e300, 1e300 + 1e284]);
    expect(niceTicks(-Number.MAX_VALUE, Number.MAX_VALUE)).toEqual([-Number.MAX_VALUE, Number.MAX_VALUE]);
  });

  it("tickLabel groups thousands with commas, keeps 4 significant digits below 1,000, and prints 0 as 0", () => {
    expect(tickLabel(0)).toBe("0");
    expect(tickLabel(1000)).toBe("1,000");
    expect(tickLabel(1234.5)).toBe("1,235");
    expect(tickLabel(-2500)).toBe("-2,500");
    expect(tickLabel(1234567)).toBe("1,234,567");
    expect(tickLabel(0.123456)).toBe("0.1235");
    expect(tickLabel(-12.5)).toBe("-12.5");
    expect(tickLabel(999.4)).toBe("999.4");
  });

  it("num rounds to 2 decimals without trailing zeros and never prints -0", () => {
    expect(num(3.14159)).toBe("3.14");
    expect(num(10)).toBe("10");
    expect(num(2.5)).toBe("2.5");
    expect(num(-1.236)).toBe("-1.24");
    expect(num(-0.001)).toBe("0");
    expect(num(0)).toBe("0");
  });

  it("linear maps the domain onto the range, either way round, and a zero-width domain onto the range start", () => {
    const s = linear([0, 10], [0, 100]);
    expect([s(0), s(5), s(10), s(12)]).toEqual([0, 50, 100, 120]);
    const flipped = linear([0, 10], [100, 0]); // the y axis: larger values higher up
    expect([flipped(0), flipped(2.5), flipped(10)]).toEqual([100, 75, 0]);
    const degenerate = linear([3, 3], [40, 90]);
    expect(degenerate(3)).toBe(40);
    // a domain across the whole float range stays finite
    const wide = linear([-Number.MAX_VALUE, Number.MAX_VALUE], [0, 200]);
    expect(wide(0)).toBe(100);
  });

  it("extent and maxOf take one pass; no values give (∞, −∞)", () => {
    expect(extent([3, -1, 2])).toEqual([-1, 3]);
    expect(extent([7])).toEqual([7, 7]);
    expect(extent([])).toEqual([Infinity, -Infinity]);
    expect(maxOf([3, -1, 2])).toBe(3);
    expect(maxOf([])).toBe(-Infinity);
  });
});

describe("plots: text and layout", () => {
  it("esc escapes the XML specials and replaces characters XML cannot hold with U+FFFD (L3)", () => {
    expect(esc(`a<b & "c">`)).toBe("a&lt;b &amp; &quot;c&quot;&gt;");
    expect(esc("\u0001x\u001F")).toBe("\uFFFDx\uFFFD");
    expect(esc("\uFFFE\uFFFF")).toBe("\uFFFD\uFFFD");
    expect(esc("tab\tline\nreturn\r")).toBe("tab\tline\nreturn\r");
    expect(esc("\uD800 and \uDC00")).toBe("\uFFFD and \uFFFD"); // lone surrogates
    expect(esc("😀")).toBe("😀"); // a pair is kept
  });

  it("frameFor widens the right margin to 50 + 7 px a character of the longest label (at least 120)", () => {
    // no labels: right 120, width 90 + 460 + 120 = 670
    expect(frameFor([], {})).toEqual({ ...DEFAULT_FRAME, right: 120, width: 670 });
    // 20 characters: 50 + 140 = 190, width 90 + 460 + 190 = 740
    expect(frameFor(["short", "x".repeat(20)], {})).toEqual({ ...DEFAULT_FRAME, right: 190, width: 740 });
    // 10 characters: 50 + 70 = 120
    expect(frameFor(["x".repeat(10)], {}).right).toBe(120);
    expect(frameFor(["x".repeat(11)], {}).right).toBe(127);
    // a given size wins
    expect(frameFor(["x".repeat(20)], { width: 800, height: 300 })).toEqual({ ...DEFAULT_FRAME, right: 190, width: 800, height: 300 });
  });

  it("dashAttr: series 0 is solid, the others dashed, repeating after the eighth", () => {
    expect(dashAttr(0)).toBe("");
    expect(dashAttr(1)).toBe(' stroke-dasharray="8 4"');
    expect(dashAttr(7)).toBe(' stroke-dasharray="6 2"');
    expect(dashAttr(8)).toBe("");
    expect(dashAttr(9)).toBe(' stroke-dasharray="8 4"');
  });

  it("axes place ticks by the scales and label both axes; the y label is rotated", () => {
    const frame = { width: 400, height: 300, left: 50, right: 50, top: 20, bottom: 30 };
    const { sx, sy, svg } = axes(frame, { ticks: [0, 5, 10], label: "x <unit>" }, { ticks: [0, 1000], label: "cost" });
    // plot box x 50…350, y 270 (bottom) … 20 (top)
    expect([sx(0), sx(5), sx(10)]).toEqual([50, 200, 350]);
    expect([sy(0), sy(1000)]).toEqual([270, 20]);
    expect(svg).toContain(`<line x1="50" y1="270" x2="350" y2="270" stroke="#333"/>`);
    expect(svg).toContain(`<line class="grid" x1="200" y1="270" x2="200" y2="20" stroke="#eee"/>`);
    expect(svg).toContain(`<text class="tick" x="200" y="288" text-anchor="middle" font-size="11">5</text>`);
    expect(svg).toContain(`<text class="tick" x="42" y="24" text-anchor="end" font-size="11">1,000</text>`);
    expect(svg).toContain(`<text class="axis-label" x="200" y="285" text-anchor="middle" font-size="13">x &lt;unit&gt;</text>`);
    expect(svg).toContain(`transform="rotate(-90 18 145)">cost</text>`);
  });

  it("legend rows sit 20 px apart, each with its mark: line (dashed or not), ring, area or dot", () => {
    const frame = { ...DEFAULT_FRAME };
    const svg = legend(frame, [
      { name: "A", color: "#111", shape: "line", dash: "8 4" },
      { name: "B", color: "#222", shape: "ring" },
      { name: "C", color: "#333", shape: "area" },
      { name: "D & E", color: "#444" },
      { name: "F", color: "#555", shape: "line", dash: "" },
    ]);
    // x = 720 − 170 + 16 = 566; rows at y = 60, 80, 100, 120, 140
    expect(svg).toContain(`<line x1="566" y1="60" x2="588" y2="60" stroke="#111" stroke-width="2.5" stroke-dasharray="8 4"/><text x="594" y="64" font-size="12">A</text>`);
    expect(svg).toContain(`<circle cx="575" cy="80" r="3.5" fill="none" stroke="#222"/>`);
    expect(svg).toContain(`<rect x="566" y="94" width="18" height="12" fill="#333" fill-opacity="0.25" stroke="#333"/>`);
    expect(svg).toContain(`<circle cx="575" cy="120" r="4" fill="#444"/><text x="594" y="124" font-size="12">D &amp; E</text>`);
    expect(svg).toContain(`<line x1="566" y1="140" x2="588" y2="140" stroke="#555" stroke-width="2.5"/>`);
    expect(svg.startsWith(`<g class="legend">\n`)).toBe(true);
    expect(svg.endsWith(`\n</g>`)).toBe(true);
  });

  it("document wraps the body in a standalone SVG with the escaped title twice (tooltip and heading)", () => {
    const svg = document({ ...DEFAULT_FRAME, width: 500, height: 300 }, "A & B", "<g/>");
    expect(svg).toBe(
      [
        `<svg xmlns="http://www.w3.org/2000/svg" width="500" height="300" viewBox="0 0 500 300" font-family="Helvetica, Arial, sans-serif">`,
        `<title>A &amp; B</title>`,
        `<rect width="100%" height="100%" fill="#fff"/>`,
        `<text class="title" x="250" y="28" text-anchor="middle" font-size="16" font-weight="bold">A &amp; B</text>`,
        "<g/>",
        "</svg>",
        "",
      ].join("\n"),
    );
  });
});
