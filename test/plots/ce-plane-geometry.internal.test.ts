import { describe, expect, it } from "vitest";
import { chiSquare2, costEffectiveRegion, ellipseOutline } from "../../src/plots/ce-plane.js";

const shoelace = (pts: readonly [number, number][]) => Math.abs(pts.reduce((a, p, i) => a + p[0] * pts[(i + 1) % pts.length]![1] - pts[(i + 1) % pts.length]![0] * p[1], 0)) / 2;

describe("CE plane geometry", () => {
  it("the 95 % radius is the chi-square(2) quantile −2 ln 0.05 = 5.9915", () => {
    expect(chiSquare2(0.95)).toBeCloseTo(5.991465, 6);
  });

  it("ellipse of uncorrelated draws: semi-axes √(q·var) along the axes", () => {
    // Draws (1,0), (−1,0), (0,2), (0,−2): mean (0,0), var x = 2/3, var y = 8/3, cov 0.
    const xs = Float64Array.from([1, -1, 0, 0]);
    const ys = Float64Array.from([0, 0, 2, -2]);
    const q = chiSquare2(0.95);
    const pts = ellipseOutline(xs, ys, [0, 0], q)!;
    expect(pts).toHaveLength(72);
    const maxX = Math.max(...pts.map((p) => Math.abs(p[0])));
    const maxY = Math.max(...pts.map((p) => Math.abs(p[1])));
    expect(maxX).toBeCloseTo(Math.sqrt((q * 2) / 3), 6); // 1.9986
    expect(maxY).toBeCloseTo(Math.sqrt((q * 8) / 3), 6); // 3.9972
    // Area of the 72-gon approaches π·a·b = π · √(q·2/3) · √(q·8/3) = π · q · 4/3.
    expect(shoelace(pts)).toBeCloseTo(Math.PI * q * (4 / 3), 0);
  });

  it("no ellipse for fewer than 3 draws or a zero variance", () => {
    expect(ellipseOutline(Float64Array.from([1, 2]), Float64Array.from([1, 2]), [1.5, 1.5], 6)).toBeNull();
    expect(ellipseOutline(Float64Array.from([1, 1, 1]), Float64Array.from([1, 2, 3]), [1, 2], 6)).toBeNull();
  });

  it("cost-effective region: the part of the box below ΔC = λ·ΔE", () => {
    // Box [0, 10] × [−10, 10], λ = 1: for ΔE = x the region spans y ∈ [−10, x], area ∫₀¹⁰ (x + 10) dx = 50 + 100 = 150.
    expect(shoelace(costEffectiveRegion(0, 10, -10, 10, 1))).toBeCloseTo(150, 9);
    // λ = 2 over [−5, 5] × [−10, 10]: the line crosses the box from (−5, −10) to (5, 10): half the box, 100.
    expect(shoelace(costEffectiveRegion(-5, 5, -10, 10, 2))).toBeCloseTo(100, 9);
    // A box entirely above the line has no cost-effective part.
    expect(costEffectiveRegion(-10, -5, 0, 10, 1)).toEqual([]);
  });

  it("a correlated ellipse is turned onto its principal axes", () => {
    // Draws (2,2), (−2,−2), (1,−1), (−1,1): mean 0, var x = var y = 10/3, cov 2; eigenvalues 10/3 ± 2 = 16/3, 4/3; θ = ½·atan2(4, 0) = 45°.
    const q = 6;
    const pts = ellipseOutline(Float64Array.from([2, -2, 1, -1]), Float64Array.from([2, -2, -1, 1]), [0, 0], q)!;
    const a = Math.sqrt((q * 16) / 3);
    const b = Math.sqrt((q * 4) / 3);
    // t = 0: (a·cos 45°, a·sin 45°); t = 90° (point 18): (−b·sin 45°, b·cos 45°)
    expect(pts[0]![0]).toBeCloseTo(a / Math.SQRT2, 12);
    expect(pts[0]![1]).toBeCloseTo(a / Math.SQRT2, 12);
    expect(pts[18]![0]).toBeCloseTo(-b / Math.SQRT2, 12);
    expect(pts[18]![1]).toBeCloseTo(b / Math.SQRT2, 12);
    // t = 180° (point 36) mirrors t = 0 through the mean
    expect(pts[36]![0]).toBeCloseTo(-a / Math.SQRT2, 12);
    // area π·a·b, up to the 72-gon's shortfall (sin(2π/72)·72/(2π) = 0.99873)
    expect(shoelace(pts)).toBeCloseTo(Math.PI * a * b * ((72 / (2 * Math.PI)) * Math.sin((2 * Math.PI) / 72)), 9);
  });

  it("draws on a line give that segment; a mean off the draws shifts the outline; overflowing variances give none", () => {
    // (1,2), (2,4), (3,6): var x 1, var y 4, cov 2, eigenvalues 5 and 0: every outline point on y − 4 = 2(x − 2)
    const seg = ellipseOutline(Float64Array.from([1, 2, 3]), Float64Array.from([2, 4, 6]), [2, 4], 6)!;
    expect(seg).toHaveLength(72);
    for (const [x, y] of seg) expect(y - 4 - 2 * (x - 2)).toBeCloseTo(0, 9);
    expect(Math.max(...seg.map((p) => p[0]))).toBeCloseTo(2 + Math.sqrt(6 * 5) / Math.sqrt(5), 9); // a·cos θ with tan θ = 2
    const shifted = ellipseOutline(Float64Array.from([1, -1, 0, 0]), Float64Array.from([0, 0, 2, -2]), [10, 20], 6)!;
    // var computed about the given mean (10, 20): huge, but the outline is centred there
    expect((shifted[0]![0] + shifted[36]![0]) / 2).toBeCloseTo(10, 6);
    expect((shifted[18]![1] + shifted[54]![1]) / 2).toBeCloseTo(20, 6);
    expect(ellipseOutline(Float64Array.from([1e200, -1e200, 0]), Float64Array.from([1, 2, 3]), [0, 2], 6)).toBeNull();
  });

  it("cost-effective region vertices, in order, for a box the line cuts through a corner", () => {
    // Box [−1, 1]², λ = 1: (−1,−1), (1,−1) and (1,1) are on or below y = x, (−1,1) above.
    expect(costEffectiveRegion(-1, 1, -1, 1, 1)).toEqual([[-1, -1], [1, -1], [1, 1], [1, 1], [-1, -1]]);
    // λ = 0.5 over [0, 4] × [0, 4]: below y = x/2 is the triangle (0,0), (4,0), (4,2)
    expect(costEffectiveRegion(0, 4, 0, 4, 0.5)).toEqual([[0, 0], [4, 0], [4, 2], [0, 0]]);
    // a whole box below the line is the box
    expect(costEffectiveRegion(1, 2, -5, -4, 1)).toEqual([[1, -5], [2, -5], [2, -4], [1, -4]]);
  });
});
