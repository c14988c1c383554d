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
});
