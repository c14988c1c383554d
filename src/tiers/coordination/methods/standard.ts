// Standard COB: the secondary pays the lesser of its normal benefit and what the plans
// ahead left of the allowable expense, so the plans together pay at most 100% of it.
import * as z from "zod";
import { minU, type SecondaryMethod } from "./method.js";
import { lazySchema } from "../../../kernel/lazy-schema.js";

const schema = lazySchema(() => z.strictObject({
    /** Standard COB: the secondary pays up to its normal benefit, within what the primary left of the allowable expense. */
    kind: z.literal("standard"),
  }).strict());

/** Standard coordination: min(normal benefit, allowable − paid before). */
export const standardMethod: SecondaryMethod<typeof schema> = {
  kind: "standard",
  schema,
  pay(_p, f) {
    const left = f.allowable - f.paidBefore;
    const pay = minU(f.normal, left);
    return {
      pay,
      text: `Standard coordination: the smaller of the normal benefit ${f.fmt(f.normal)} and what is unpaid, ${f.fmt(f.allowable)} − ${f.fmt(f.paidBefore)} = ${f.fmt(left)}`,
      inputs: {},
    };
  },
};
