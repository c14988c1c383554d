// Non-duplication (carve-out): the secondary pays its normal benefit less what the
// plans ahead paid, never below zero — the person ends up as if only the richer plan
// covered them.
import * as z from "zod";
import { maxU, type SecondaryMethod } from "./method.js";
import { lazySchema } from "../../../kernel/lazy-schema.js";

const schema = lazySchema(() => z.strictObject({
    /** Non-duplication (carve-out): the secondary pays its normal benefit less what the primary paid, never below 0. */
    kind: z.literal("nonDuplication"),
  }).strict());

/** Non-duplication / carve-out: max(0, normal benefit − paid before). */
export const nonDuplicationMethod: SecondaryMethod<typeof schema> = {
  kind: "nonDuplication",
  schema,
  pay(_p, f) {
    const pay = maxU(0n, f.normal - f.paidBefore);
    return {
      pay,
      text: `Non-duplication (carve-out): the normal benefit ${f.fmt(f.normal)} less what was paid before, ${f.fmt(f.paidBefore)}, not below 0`,
      inputs: {},
    };
  },
};
