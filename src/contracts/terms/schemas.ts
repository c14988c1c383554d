// Building blocks every term kind uses: when something falls due, which events a term
// looks for, and the conditions a payment is made on.
import * as z from "zod";
import { rateSchema } from "../../core/index.js";
import { fractionOf } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { lazySchema } from "../../kernel/lazy-schema.js";
// The event matchers, offsets and condition types sit below the term kinds, one file per
// condition type (conditions/); the term kinds import them from here.
export { dueOffsetSchema, eventMatcherSchema, type EventMatcher } from "../conditions/parts.js";
export { countConditionSchema } from "../conditions/count.js";
export { sustainedConditionSchema } from "../conditions/sustained.js";
export { byDeadlineConditionSchema, deadlineFields } from "../conditions/by-deadline.js";
export { milestoneSchema, type MilestoneTerms } from "../conditions/milestones.js";
export { conditionSchema, type ConditionTerms } from "../conditions/registry.js";

/**
 * A share of an amount as an exact fraction num / den (den > 0), with the text it was written as.
 *
 * @category Term Kinds
 */
export interface ExactShare {
  readonly num: bigint;
  readonly den: bigint;
  /** As written: "0.25", "1/3". */
  readonly text: string;
}

/** At most this many digits on either side of a fraction's slash (the M3 digit bound). */
const FRACTION = /^(\d{1,64})\/(\d{1,64})$/;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * A share in [0, 1], exactly: a decimal (`"0.25"`, `0.4`) or a fraction of whole numbers
 * (`"1/3"`), so three equal tranches are written `"1/3"` rather than a rounded
 * 0.3333333333. `"1/0"` and shares above 1 are refused at the field.
 *
 * @category Term Kinds
 */
export const shareSchema = lazySchema(() => z.union([z.string(), z.number()]).transform((v, ctx): ExactShare => {
  if (typeof v === "string" && v.includes("/")) {
    const m = FRACTION.exec(v);
    if (m === null) {
      ctx.addIssue({ code: "custom", message: `${JSON.stringify(v.slice(0, 40))} is not a share: write a decimal in [0, 1] ("0.25") or a fraction of whole numbers ("1/3")` });
      return z.NEVER;
    }
    const num = BigInt(m[1] as string);
    const den = BigInt(m[2] as string);
    if (den === 0n) {
      ctx.addIssue({ code: "custom", message: `${v} is undefined: a fraction's denominator is a whole number ≥ 1` });
      return z.NEVER;
    }
    if (num > den) {
      ctx.addIssue({ code: "custom", message: `${v} is more than 1: a share is at most the whole` });
      return z.NEVER;
    }
    return { num, den, text: v };
  }
  // Decimals go through the rate schema, with its messages (limits, "write 0.8" hints).
  const rate = rateSchema.safeParse(v);
  if (!rate.success) {
    // Re-raised without their default text, so the caller's error map words them as for any rate.
    for (const issue of rate.error.issues) {
      const { message, ...raw } = issue;
      ctx.addIssue((message === "Invalid input" ? { ...raw, input: v } : { ...raw, message }) as never);
    }
    return z.NEVER;
  }
  const f = fractionOf(rate.data);
  return { num: f.num, den: f.den, text: rate.data.toString() };
}));

/** True for a share the schema produced (a refinement may run after a share was refused). */
export function isExactShare(s: unknown): s is ExactShare {
  return typeof s === "object" && s !== null && typeof (s as ExactShare).num === "bigint" && typeof (s as ExactShare).den === "bigint" && (s as ExactShare).den > 0n;
}

/** Σ shares as an exact fraction (reduced). */
export function sumShares(shares: readonly { readonly num: bigint; readonly den: bigint }[]): { num: bigint; den: bigint } {
  let num = 0n;
  let den = 1n;
  for (const s of shares) {
    num = num * s.den + s.num * den;
    den *= s.den;
    const g = gcd(num, den);
    if (g > 1n) {
      num /= g;
      den /= g;
    }
  }
  return { num, den };
}

/** A share as a percentage when it is a finite decimal ("30%"), else as written ("1/3"). */
export function shareWords(s: ExactShare): string {
  let d = s.den;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d !== 1n || s.text.includes("/")) return `${s.text}`;
  return `${new D(s.text).times(100).toString()}%`;
}

/** A fraction whose denominator divides a power of ten, as a decimal ("0.9"). */
function decimalText(f: { num: bigint; den: bigint }): string {
  let places = 0;
  let den = f.den;
  let num = f.num;
  while (den !== 1n && places < 80) {
    const g = den % 10n === 0n ? 10n : den % 5n === 0n ? 5n : 2n;
    den /= g;
    num *= 10n / g;
    places++;
  }
  const digits = num.toString().padStart(places + 1, "0");
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`.replace(/0+$/, "").replace(/\.$/, "");
  return text;
}


/** A sum of shares in words: a decimal when every share was written as one ("0.9"), else a fraction ("4/3"). */
export function exactText(total: { num: bigint; den: bigint }, parts: readonly ExactShare[]): string {
  if (total.den === 1n) return total.num.toString();
  return parts.every((p) => !p.text.includes("/")) ? decimalText(total) : `${total.num}/${total.den}`;
}
