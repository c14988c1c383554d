// The upper tail of the standard normal, shared by the log-normal curve and the
// generalised gamma's Q = 0 limit (the log-normal).
import { portableExp } from "../portable-math.js";

/** Upper tail of the standard normal, 1 − Φ(x), by Marsaglia's (2004) Taylor series for Φ. */
export function normalUpperTail(x: number): number {
  if (x > 38) return 0;
  if (x < -38) return 1;
  const y = -x; // 1 − Φ(x) = Φ(−x)
  let s = y;
  let t = 0;
  let b = y;
  const q = y * y;
  let i = 1;
  while (s !== t) {
    t = s;
    i += 2;
    b *= q / i;
    s = t + b;
  }
  const phi = 0.5 + s * portableExp(-0.5 * q - 0.91893853320467274178);
  return Math.min(1, Math.max(0, phi));
}
