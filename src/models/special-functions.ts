// Special functions for the gamma-type survival curves and the likelihoods of the
// fitted families. Built on the portable log/exp (IEEE-754 + − × ÷ and sqrt only), so a
// curve value is the same bits on every platform, like the rest of the model chapter.
//
// The regularised incomplete gamma functions use three methods (as in Numerical
// Recipes and DiDonato & Morris 1986):
// - a < 1000, x < a + 1: the power series of P;
// - a < 1000, x ≥ a + 1: the continued fraction of Q (modified Lentz);
// - a ≥ 1000: Temme's uniform asymptotic expansion (DLMF 8.12.3–8.12.4) with c0 and c1,
//   which stays accurate where the series would need thousands of terms and where the
//   prefactor x^a e^(−x) / Γ(a) cancels catastrophically.
// Every method works in logs and takes ln(x/a) as an input of its own, so the
// generalised gamma near Q = 0 (a = 1/Q² huge, x/a = e^(Qw) near 1) loses nothing.
import { portableExp as exp, portableLog as log } from "./portable-math.js";

const HALF_LOG_2PI = 0.91893853320467274178;
const SQRT_PI = 1.7724538509055160273;
const SQRT_2PI = 2.5066282746310005024;
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** e^x − 1 without cancellation near 0. */
export function expm1(x: number): number {
  if (Math.abs(x) >= 0.5) return exp(x) - 1;
  // Taylor series: 17 terms leave a remainder below 2^−60 for |x| < 0.5
  let term = x;
  let sum = x;
  for (let n = 2; n <= 18; n++) {
    term *= x / n;
    sum += term;
  }
  return sum;
}

/** ln(1 + x) for x > −1 without cancellation near 0 (Goldberg's correction of the rounded 1 + x). */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  return log(u) - (u - 1 - x) / u;
}

/** e^x − 1 − x, accurate for small x (the Taylor series from x²/2). */
export function expm1MinusX(x: number): number {
  if (Math.abs(x) >= 0.5) return exp(x) - 1 - x;
  let term = x * x * 0.5;
  let sum = term;
  for (let n = 3; n <= 20; n++) {
    term *= x / n;
    sum += term;
  }
  return sum;
}

/** ln(1 − e^x) for x < 0 (Mächler's split at −ln 2). */
export function log1mExp(x: number): number {
  if (x >= 0) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  return x > -0.6931471805599453 ? log(-expm1(x)) : log1p(-exp(x));
}

/** ln(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const m = Math.max(a, b);
  return m + log1p(exp(-Math.abs(a - b)));
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; ln Γ(x) = ln Γ(x + 1) − ln x below 0.5). */
export function logGamma(x: number): number {
  if (x < 0.5) return logGamma(x + 1) - log(x);
  const z = x - 1;
  let s = LANCZOS[0] as number;
  for (let i = 1; i < 9; i++) s += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * log(t) - t + log(s);
}

/**
 * Stirling's error: ln Γ(a) − [(a − ½) ln a − a + ½ ln 2π]. Its asymptotic series for
 * a ≥ 15 (error below 1e−17 there); the definition below, where it does not cancel.
 */
export function stirlingError(a: number): number {
  if (a >= 15) {
    const r = 1 / a;
    const r2 = r * r;
    return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 / 1188))));
  }
  return logGamma(a) - ((a - 0.5) * log(a) - a + HALF_LOG_2PI);
}

/** erfcx(x) = e^(x²) erfc(x) for x ≥ 0. */
export function erfcxNonNegative(x: number): number {
  if (x < 2) {
    // erf(x) = (2/√π) e^(−x²) Σ 2^n x^(2n+1) / (1·3·…·(2n+1)): all terms positive
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
    }
    const ex2 = exp(x2);
    return ex2 - (2 / SQRT_PI) * sum;
  }
  // Laplace's continued fraction erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …)))) (modified Lentz)
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const ak = k / 2;
    d = x + ak * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + ak / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / (SQRT_PI * f);
}

/** ln(1 − Φ(z)), the log upper tail of the standard normal, accurate far into both tails. */
export function logNormalUpperTail(z: number): number {
  if (z >= 0) return log(0.5 * erfcxNonNegative(z / Math.SQRT2)) - 0.5 * z * z;
  // 1 − Φ(z) = 1 − Φ(−|z|), and Φ(−|z|) = ½ erfc(|z|/√2) is small
  const lower = 0.5 * erfcxNonNegative(-z / Math.SQRT2) * exp(-0.5 * z * z);
  return log1p(-lower);
}

/** ln φ(z), the log density of the standard normal. */
export function logNormalDensity(z: number): number {
  return -0.5 * z * z - HALF_LOG_2PI;
}

/** Both tails of the regularised incomplete gamma function, as logs. */
export interface LogGammaTails {
  /** ln P(a, x), P the lower regularised incomplete gamma. */
  readonly logP: number;
  /** ln Q(a, x) = ln(1 − P(a, x)). */
  readonly logQ: number;
}

/**
 * ln P(a, x) and ln Q(a, x) for a > 0, x ≥ 0. `logLambda` is ln(x/a) when the caller has
 * it more exactly than it could be recomputed (the generalised gamma passes Q·w).
 */
export function logIncompleteGammaTails(a: number, x: number, logLambda?: number): LogGammaTails {
  if (x <= 0) return { logP: Number.NEGATIVE_INFINITY, logQ: 0 };
  if (x === Number.POSITIVE_INFINITY) return { logP: 0, logQ: Number.NEGATIVE_INFINITY };
  const l = logLambda ?? log(x / a);
  if (a >= 1000) return temme(a, l);
  // ln(x^a e^(−x) / Γ(a)), written as ½ ln a − ½ ln 2π − stirlingError(a) − a(λ − 1 − ln λ), which does not cancel
  const logPrefactor = 0.5 * log(a) - HALF_LOG_2PI - stirlingError(a) - a * expm1MinusX(l);
  if (x < a + 1) {
    // P(a, x) = x^a e^(−x)/Γ(a + 1) · Σ_{n ≥ 0} x^n / ((a+1)…(a+n))
    let term = 1;
    let sum = 1;
    let ap = a;
    for (let n = 0; n < 10_000; n++) {
      ap += 1;
      term *= x / ap;
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const logP = logPrefactor - log(a) + log(sum); // Γ(a + 1) = a·Γ(a)
    return { logP, logQ: log1mExp(Math.min(logP, -Number.MIN_VALUE)) };
  }
  // Q(a, x) = x^a e^(−x)/Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …)))
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  const logQ = logPrefactor + log(h);
  return { logP: log1mExp(Math.min(logQ, -Number.MIN_VALUE)), logQ };
}

/** Temme's c0(η), c1(η): direct formulas, Taylor series near η = 0 where those cancel. */
function temmeCoefficients(eta: number, lm1: number): [number, number] {
  if (Math.abs(eta) < 0.05) {
    const c0 = -1 / 3 + eta * (1 / 12 + eta * (-2 / 135 + eta * (1 / 864 + eta * (1 / 2835 - (eta * 139) / 777600))));
    const c1 = -1 / 540 + eta * (-1 / 288 + eta * (1 / 378 - eta * 0.00099022962963));
    return [c0, c1];
  }
  const c0 = 1 / lm1 - 1 / eta;
  const c1 = 1 / (eta * eta * eta) - 1 / (lm1 * lm1 * lm1) - 1 / (lm1 * lm1) - 1 / (12 * lm1);
  return [c0, c1];
}

function temme(a: number, l: number): LogGammaTails {
  const half = expm1MinusX(l); // λ − 1 − ln λ ≥ 0
  const eta = (l < 0 ? -1 : 1) * Math.sqrt(2 * Math.max(0, half));
  const lm1 = expm1(l);
  const [c0, c1] = temmeCoefficients(eta, lm1);
  const z = eta * Math.sqrt(a / 2);
  const r = (c0 + c1 / a) / (SQRT_2PI * Math.sqrt(a)); // R_a(η) · e^(aη²/2)
  const logE = -a * half; // −aη²/2
  if (eta >= 0) {
    const logQ = logE + log(0.5 * erfcxNonNegative(z) + r);
    return { logP: log1mExp(Math.min(logQ, -Number.MIN_VALUE)), logQ };
  }
  const logP = logE + log(0.5 * erfcxNonNegative(-z) - r);
  return { logP, logQ: log1mExp(Math.min(logP, -Number.MIN_VALUE)) };
}

/**
 * The regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x): the
 * survival of a gamma(shape a, rate 1) variable at x.
 */
export function regularizedGammaQ(a: number, x: number): number {
  return exp(logIncompleteGammaTails(a, x).logQ);
}

/** The regularised lower incomplete gamma P(a, x) = γ(a, x)/Γ(a). */
export function regularizedGammaP(a: number, x: number): number {
  return exp(logIncompleteGammaTails(a, x).logP);
}
