// Patient cost-sharing limits of a layer, beside its annual cap: a lifetime cap
// (终身封顶线), a family deductible, and an annual out-of-pocket maximum for the person
// and the family, in the embedded or the aggregate design. A limit is a field of the
// layer it bounds, never a fake layer: the explanation names the limit that bound.
import * as z from "zod";
import { type Issue, type IssuePath, nonNegativeAmountSchema } from "../core/index.js";
import type { Dec } from "../money/index.js";
import { toUnits } from "../money/minor-units.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Document fields of the limits every layer kind accepts.
 *
 * @category Limits
 */
export const limitFields = lazySchema(() => ({
  /** Lifetime cap on what the layer pays one person, over all years (终身封顶线). */
  lifetimeCap: nonNegativeAmountSchema.optional(),
  /** Annual deductible of the whole family (家庭起付线); needs `familyDesign`. */
  familyDeductible: nonNegativeAmountSchema.optional(),
  /** Annual out-of-pocket maximum (年度自付上限): the patient's deductible and coinsurance under this layer stop here. */
  outOfPocketMax: z
    .strictObject({
      /** Per person. */
      individual: nonNegativeAmountSchema.optional(),
      /** Per family; needs `familyDesign`. */
      family: nonNegativeAmountSchema.optional(),
    })
    .optional(),
  /** `embedded`: each person also has the individual limits; `aggregate`: in a family only the family totals count. */
  familyDesign: z.enum(["embedded", "aggregate"]).optional(),
}));

/**
 * The parsed limits of a layer, in minor units; a layer without any has `limits: null`.
 *
 * @category Limits
 */
export interface LayerLimits {
  readonly lifetimeCap: bigint | null;
  readonly familyDeductible: bigint | null;
  readonly oopIndividual: bigint | null;
  readonly oopFamily: bigint | null;
  readonly familyDesign: "embedded" | "aggregate" | null;
}

interface LimitDoc {
  readonly lifetimeCap?: Dec | undefined;
  readonly familyDeductible?: Dec | undefined;
  readonly outOfPocketMax?: { readonly individual?: Dec | undefined; readonly family?: Dec | undefined } | undefined;
  readonly familyDesign?: "embedded" | "aggregate" | undefined;
}

/** Parses a layer's limit fields; problems go to `issues` with their paths. */
export function prepareLimits(doc: LimitDoc, scale: number, at: IssuePath, issues: Issue[]): LayerLimits | null {
  const oop = doc.outOfPocketMax;
  if (doc.lifetimeCap === undefined && doc.familyDeductible === undefined && oop === undefined && doc.familyDesign === undefined) return null;
  const u = (d: Dec | undefined, path: IssuePath, what: string): bigint | null => (d === undefined ? null : toUnits(d, scale, [...at, ...path], what));
  if (oop !== undefined && oop.individual === undefined && oop.family === undefined) {
    issues.push({ path: [...at, "outOfPocketMax"], code: "invalid_limit", message: "an out-of-pocket maximum states an individual amount, a family amount, or both" });
  }
  const family = doc.familyDeductible !== undefined || oop?.family !== undefined;
  if (family && doc.familyDesign === undefined) {
    issues.push({ path: [...at, "familyDesign"], code: "missing_design", message: 'a layer with family limits says how they combine with the individual ones: familyDesign "embedded" or "aggregate"' });
  }
  if (!family && doc.familyDesign !== undefined) {
    issues.push({ path: [...at, "familyDesign"], code: "invalid_limit", message: "familyDesign needs a family limit (familyDeductible or outOfPocketMax.family)" });
  }
  return {
    lifetimeCap: u(doc.lifetimeCap, ["lifetimeCap"], "the lifetime cap"),
    familyDeductible: u(doc.familyDeductible, ["familyDeductible"], "the family deductible"),
    oopIndividual: u(oop?.individual, ["outOfPocketMax", "individual"], "the out-of-pocket maximum"),
    oopFamily: u(oop?.family, ["outOfPocketMax", "family"], "the out-of-pocket maximum"),
    familyDesign: doc.familyDesign ?? null,
  };
}

/** Which of two rooms is smaller, and which limit it is (null room = no limit). */
export function tighter<T extends string>(a: { room: bigint; by: T } | null, b: { room: bigint; by: T } | null): { room: bigint; by: T } | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.room < a.room ? b : a;
}
