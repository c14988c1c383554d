// Seeded sampling for PSA. Uniforms come from pure-rand's xoroshiro128+ (integer
// arithmetic only); every transform below uses +, −, ×, ÷, sqrt (correctly rounded by
// IEEE-754) and the portable log/exp, so one seed gives the same bits everywhere.
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { portableExp, portableLog } from "./portable-math.js";

/** A uniform source: each call returns a double in [0, 1) (multiples of 2^−53). */
export type UniformSource = () => number;

/** A uniform source seeded with a 32-bit integer (xoroshiro128+ from pure-rand). */
export function seededUniform(seed: number): UniformSource {
  const rng = xoroshiro128plus(seed | 0);
  return () => uniformFloat64(rng);
}

/** A uniform in (0, 1], safe to take the log of. */
function openUniform(u: UniformSource): number {
  return 1 - u();
}

/** Standard normal by Marsaglia's polar method (the second value of each pair is discarded to stay stateless). */
export function sampleStandardNormal(u: UniformSource): number {
  for (;;) {
    const a = 2 * u() - 1;
    const b = 2 * u() - 1;
    const s = a * a + b * b;
    if (s > 0 && s < 1) return a * Math.sqrt((-2 * portableLog(s)) / s);
  }
}

/** Gamma(shape, scale 1) by Marsaglia & Tsang (2000); shape < 1 via the boost Gamma(a+1)·U^(1/a). */
export function sampleStandardGamma(u: UniformSource, shape: number): number {
  if (shape < 1) {
    const g = sampleStandardGamma(u, shape + 1);
    return g * portableExp(portableLog(openUniform(u)) / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleStandardNormal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = openUniform(u);
    const x2 = x * x;
    if (w < 1 - 0.0331 * x2 * x2) return d * v;
    if (portableLog(w) < 0.5 * x2 + d * (1 - v + portableLog(v))) return d * v;
  }
}
