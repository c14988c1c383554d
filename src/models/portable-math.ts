// Logarithm and exponential built from IEEE-754 +, −, ×, ÷ only. Each of those is
// correctly rounded on every platform, so these functions return the same bits on
// every JS engine and CPU; Math.log / Math.exp are only required to be
// "implementation-approximated" by ECMAScript and may differ in the last bit.
// PSA draws go through these so a seed reproduces bit-identical draws everywhere.

const LN2_HI = 6.93147180369123816490e-1; // ln 2 upper 32 bits: k·LN2_HI is exact for |k| < 2^20
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;
const SQRT2 = 1.4142135623730951;

const view = new DataView(new ArrayBuffer(8));

/** 2^k as a double, for integer k in [−1074, 1023], built from its bits. */
function pow2(k: number): number {
  if (k >= -1022) {
    view.setUint32(0, (k + 1023) << 20);
    view.setUint32(4, 0);
    return view.getFloat64(0);
  }
  // subnormal range: 2^k = 2^(k+60) · 2^−60, both normal
  return pow2(k + 60) * pow2(-60);
}

/** Natural logarithm of a positive finite number, platform-independent. */
export function portableLog(x: number): number {
  if (x === Infinity) return Infinity; // as Math.log: overflowing arguments (t / 5e-324) stay on the curve
  if (!(x > 0)) return Number.NaN;
  let scaled = x;
  let k = 0;
  if (scaled < 2.2250738585072014e-308) {
    // subnormal: scale into the normal range first
    scaled *= 18014398509481984; // 2^54
    k -= 54;
  }
  view.setFloat64(0, scaled);
  const hi = view.getUint32(0);
  k += ((hi >>> 20) & 0x7ff) - 1023;
  // mantissa m in [1, 2)
  view.setUint32(0, (hi & 0x000fffff) | 0x3ff00000);
  let m = view.getFloat64(0);
  if (m > SQRT2) {
    m /= 2;
    k += 1;
  }
  // ln(m) = 2·atanh(s) with s = (m−1)/(m+1), |s| ≤ 0.1716: the odd series converges fast
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  const series =
    z *
    (1 / 3 +
      z *
        (1 / 5 +
          z *
            (1 / 7 +
              z * (1 / 9 + z * (1 / 11 + z * (1 / 13 + z * (1 / 15 + z * (1 / 17 + z * (1 / 19 + z * (1 / 21 + z / 23))))))))));
  // ln(m) = 2s + 2s·(s²/3 + s⁴/5 + …): a few ulp, and the same few ulp everywhere
  const lnm = 2 * s + 2 * s * series;
  return k * LN2_HI + (lnm + k * LN2_LO);
}

// 1/15! … 1/1!, 1/0!: Horner coefficients of the degree-16 Taylor series (built once, not per call)
const EXP_COEFFICIENTS = [
  1 / 1307674368000, 1 / 87178291200, 1 / 6227020800, 1 / 479001600, 1 / 39916800, 1 / 3628800, 1 / 362880, 1 / 40320, 1 / 5040,
  1 / 720, 1 / 120, 1 / 24, 1 / 6, 1 / 2, 1, 1,
];

/** e^x, platform-independent; 0 below −745, +Infinity above 709.78. */
export function portableExp(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > 709.782712893384) return Number.POSITIVE_INFINITY;
  if (x < -745.1332191019412) return 0;
  const kf = x * INV_LN2;
  const k = kf >= 0 ? Math.floor(kf + 0.5) : Math.ceil(kf - 0.5);
  const r = x - k * LN2_HI - k * LN2_LO; // |r| ≤ ~0.347
  // Taylor series to degree 16: the remainder is below 2^−60 for |r| ≤ 0.35
  let p = 1 / 20922789888000; // 1/16!
  for (let i = 0; i < EXP_COEFFICIENTS.length; i++) p = p * r + (EXP_COEFFICIENTS[i] as number);
  if (k > 1023) return p * pow2(1023) * pow2(k - 1023);
  if (k < -1022) return p * pow2(k + 100) * pow2(-100);
  return p * pow2(k);
}
