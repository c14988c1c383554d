// The numerics the families share: the portable log/exp of the model chapter (so a
// fit gives the same bits on every platform) and the special functions.
export { portableExp as exp, portableLog as log } from "../portable-math.js";
export {
  expm1,
  expm1MinusX,
  log1p,
  logAddExp,
  logGamma,
  logIncompleteGammaTails,
  logNormalDensity,
  logNormalUpperTail,
  stirlingError,
} from "../special-functions.js";
import { portableExp } from "../portable-math.js";
import { log1p } from "../special-functions.js";

/** ln(1 + e^x) without overflow. */
export function log1pExp(x: number): number {
  if (x > 36) return x + portableExp(-x);
  if (x < -36) return portableExp(x);
  return log1p(portableExp(x));
}
