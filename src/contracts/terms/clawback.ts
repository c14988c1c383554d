// Return kind `clawback` (K3, corrections C1): when death or relapse (the trigger) happens
// within the window, a clawback of f × the amount already paid is recorded, dated on the
// event, and f of anything paid afterwards. f, `clawbackFraction`, is the contract's
// (the CMS source gives only "up to 50%"): 0 ≤ f ≤ `cap` when the contract states a cap.
import * as z from "zod";
import { rateSchema } from "../../core/index.js";
import type { ReturnTermKind } from "./kind.js";
import { type ExactShare, isExactShare } from "./schemas.js";
import { eventReturnFields, eventTrigger, type ParsedEventReturn, prepareEventReturn, returnShareSchema } from "./returns.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A clawback: `clawbackFraction` f (a decimal or an exact fraction; stated, never
 * defaulted) of what was paid is clawed back from the first `trigger` event on. `share`
 * is accepted as the older name of the same field (one of the two, not both). `cap`, if
 * stated, is the most f may be (K3: 0.5, the CMS "up to 50%"); a larger f is refused at
 * `clawbackFraction`.
 *
 * @category Term Kinds
 */
export const clawbackKindSchema = lazySchema(() => z
  .strictObject({
    /** Return kind `clawback` (追回): a fraction of what was paid is clawed back from the trigger event on. */
    type: z.literal("clawback"),
    ...eventReturnFields,
    /** The clawback fraction f of what was paid, a decimal or exact fraction in [0, 1] (`"0.3"`, `"1/3"`), at most `cap`; stated, never defaulted (this or `share`). */
    clawbackFraction: returnShareSchema.optional(),
    /** The older name of `clawbackFraction`; give one of the two, not both. */
    share: returnShareSchema.optional(),
    /** The most the clawback fraction may be, a decimal share in [0, 1] (K3: 0.5, "up to 50%"); no cap when absent. */
    cap: rateSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.clawbackFraction === undefined && c.share === undefined) {
      ctx.addIssue({ code: "custom", path: ["clawbackFraction"], message: "a clawback states its fraction of the amount paid (clawbackFraction): there is no default" });
      return;
    }
    if (c.clawbackFraction !== undefined && c.share !== undefined) {
      ctx.addIssue({ code: "custom", path: ["share"], message: "share is the older name of clawbackFraction: state one of them" });
      return;
    }
    const f = c.clawbackFraction ?? c.share;
    if (!isExactShare(f)) return;
    // f ≤ cap, exactly: num / den ≤ cap ⇔ num ≤ cap × den.
    if (c.cap !== undefined && c.cap.times(f.den.toString()).lessThan(f.num.toString())) {
      ctx.addIssue({ code: "custom", path: [c.clawbackFraction !== undefined ? "clawbackFraction" : "share"], message: `the clawback fraction ${f.text} is above the contract's cap ${c.cap.toString()}` });
    }
  }));

const NONE: ExactShare = { num: 0n, den: 1n, text: "0" };

/**
 * A clawback after parsing.
 *
 * @category Term Kinds
 */
export type ParsedClawbackTerm = ParsedEventReturn<"clawback">;

/** The `clawback` return kind. */
export const clawbackKind: ReturnTermKind<"clawback", typeof clawbackKindSchema, ParsedClawbackTerm> = {
  type: "clawback",
  schema: clawbackKindSchema,
  shareOf: (c) => c.clawbackFraction ?? c.share ?? NONE,
  prepare: (c, ctx) => prepareEventReturn("clawback", c, c.clawbackFraction ?? c.share ?? NONE, ctx),
  trigger: eventTrigger,
};
