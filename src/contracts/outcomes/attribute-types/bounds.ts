// The inclusive `min` / `max` of the ordered types (`integer`, `number`): the refinement
// that keeps max ≥ min, the bounds as exact numbers with their doubles, and the checks
// of a value against them, shared by the two records.
import type * as z from "zod";
import { comparableBound, compareToBound, exactNumber, type ExactNumber, exactText } from "../exact-number.js";
import type { ParsedAttribute } from "../declarations.js";
import type { AttributeProblem } from "./kind.js";

/** A declaration with optional bounds (a number or decimal text). */
interface Bounded {
  readonly min?: number | string | undefined;
  readonly max?: number | string | undefined;
}

/** The refinement of a bounded declaration: `max ${max} is below min ${min}` at `max`. */
export function maxNotBelowMin(a: Bounded, ctx: z.RefinementCtx): void {
  if (a.min === undefined || a.max === undefined) return;
  const lo = exactNumber(a.min);
  const hi = exactNumber(a.max);
  if (lo !== null && hi !== null && lo.units * 10n ** BigInt(hi.scale) > hi.units * 10n ** BigInt(lo.scale)) {
    ctx.addIssue({ code: "custom", path: ["max"], message: `max ${String(a.max)} is below min ${String(a.min)}` });
  }
}

function bound(v: number | string | undefined): ExactNumber | null {
  const n = v === undefined ? null : exactNumber(v);
  return n === null ? null : comparableBound(n);
}

/** The bounds as exact numbers, each with its double when it has one (so events' numbers compare without parsing). */
export function boundFields(a: Bounded): { readonly min: ExactNumber | null; readonly max: ExactNumber | null } {
  return { min: bound(a.min), max: bound(a.max) };
}

/** True when a bound has no double of its own: it cannot be compared as one, so the fit test runs the general check. */
export function exactBounds(a: ParsedAttribute): boolean {
  return (a.min !== null && a.min.double === undefined) || (a.max !== null && a.max.double === undefined);
}

/** The fit test's bounds as doubles, ∓Number.MAX_VALUE when absent (every fast-path value is finite, so those always hold; a parsed contract holds no Infinity). */
export function doubleBounds(a: ParsedAttribute): { readonly low: number; readonly high: number } {
  return { low: a.min?.double ?? -Number.MAX_VALUE, high: a.max?.double ?? Number.MAX_VALUE };
}

/** The problem of a finite value (written `text` in messages) outside the bounds, or null. */
export function boundsProblem(a: ParsedAttribute, value: unknown, text: string): AttributeProblem {
  if (a.min !== null && (compareToBound(value, a.min) as number) < 0) return { code: "too_small", reason: `${text} is below the declared minimum ${exactText(a.min)}` };
  if (a.max !== null && (compareToBound(value, a.max) as number) > 0) return { code: "too_big", reason: `${text} is above the declared maximum ${exactText(a.max)}` };
  return null;
}
