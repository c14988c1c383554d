// Return kind `refund`: when the first trigger event happens (within the window, if
// given), `share` of what has been paid is refunded, dated on the event, and the same
// share of anything paid afterwards.
import * as z from "zod";
import type { ReturnTermKind } from "./kind.js";
import { eventReturnFields, eventTrigger, type ParsedEventReturn, prepareEventReturn, returnShareSchema } from "./returns.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A refund: `share` (a decimal or an exact fraction) of what was paid is returned from the first `trigger` event on.
 *
 * @category Term Kinds
 */
export const refundKindSchema = lazySchema(() => z.strictObject({
  /** Return kind `refund` (退还): a share of what was paid is returned from the trigger event on. */
  type: z.literal("refund"),
  ...eventReturnFields,
  /** The share of what was paid that is returned, a decimal or exact fraction in [0, 1] (`"0.5"`, `"1/3"`). */
  share: returnShareSchema,
}));

/**
 * A refund after parsing.
 *
 * @category Term Kinds
 */
export type ParsedRefundTerm = ParsedEventReturn<"refund">;

/** The `refund` return kind. */
export const refundKind: ReturnTermKind<"refund", typeof refundKindSchema, ParsedRefundTerm> = {
  type: "refund",
  schema: refundKindSchema,
  shareOf: (r) => r.share,
  prepare: (r, ctx) => prepareEventReturn("refund", r, r.share, ctx),
  trigger: eventTrigger,
};
