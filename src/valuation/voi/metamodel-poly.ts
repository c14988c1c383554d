// The additive polynomial metamodel: dampack's calc_evppi(type = "poly").
import * as z from "zod";
import { DomainError } from "../../core/index.js";
import type { Basis } from "./metamodel-fit.js";
import type { MetamodelKind } from "./metamodel-kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * `{ type: "poly", degree }`: per strategy, OLS on an intercept plus p, p², …, p^degree for every parameter of the group (no interactions).
 *
 * @category Value of Information
 */
export const polyMethodSchema = lazySchema(() => z.strictObject({
  /** A polynomial regression metamodel. */
  type: z.literal("poly"),
  /** Highest power per parameter (dampack's `poly.order`, default 2 there and here). */
  degree: z.number().int().min(1).max(6).default(2),
}));

/**
 * Parsed options of the polynomial metamodel.
 *
 * @category Value of Information
 */
export type PolyMethod = z.output<typeof polyMethodSchema>;

/**
 * Intercept + the powers 1..degree of each parameter. Each parameter is centred and
 * scaled by its SD before taking powers, and each power column is then centred: the
 * columns span the same space as dampack's raw powers, so the fitted values are the
 * same, but X'X stays well conditioned.
 */
export function polyBasis(method: PolyMethod, params: readonly Float64Array[], names: readonly string[]): Basis {
  const n = params[0]!.length;
  const k = method.degree;
  const p = 1 + k * params.length;
  const X = new Float64Array(n * p);
  const columnParams: number[][] = [[]];
  for (let i = 0; i < n; i++) X[i * p] = 1;
  params.forEach((x, j) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i]!;
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (x[i]! - mean) ** 2;
    const sd = Math.sqrt(ss / n);
    if (!Number.isFinite(sd)) throw new DomainError("UNDEFINED_RESULT", `parameter "${names[j]}" is too large to square in float64; rescale it`, { path: ["parameters", names[j]!] });
    if (!(sd > 0)) throw new DomainError("OUT_OF_DOMAIN", `parameter "${names[j]}" is constant over the draws: it carries no information to regress on`, { path: ["parameters", names[j]!] });
    for (let e = 1; e <= k; e++) {
      const col = 1 + j * k + (e - 1);
      columnParams.push([j]);
      let m = 0;
      for (let i = 0; i < n; i++) {
        const v = ((x[i]! - mean) / sd) ** e;
        X[i * p + col] = v;
        m += v;
      }
      m /= n;
      for (let i = 0; i < n; i++) X[i * p + col] = X[i * p + col]! - m;
    }
  });
  return { X, rows: n, columns: p, penalty: null, columnParams };
}

/** The polynomial metamodel kind (registered in metamodels.ts). */
export const polyMetamodel: MetamodelKind<typeof polyMethodSchema> = {
  type: "poly",
  schema: polyMethodSchema,
  basis: polyBasis,
  allowRidge: false,
  describe: (method) => `additive polynomial of degree ${method.degree} per parameter, ordinary least squares`,
};
