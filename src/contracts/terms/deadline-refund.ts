// Return kind `deadlineRefund`: `share` of what was paid is refunded on the deadline when
// the milestone was not met by then (or no assessment was recorded and the contract
// counts that as missed) — "never transfusion independent by month 24 → 80% refund".
import * as z from "zod";
import type { ReturnTermKind } from "./kind.js";
import { deadlineReturnFields, deadlineTrigger, type ParsedDeadlineReturn, prepareDeadlineReturn } from "./deadline.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A refund on a milestone missed by a deadline.
 *
 * @category Term Kinds
 */
export const deadlineRefundKindSchema = lazySchema(() => z.strictObject({
  /** Return kind `deadlineRefund`: a refund (退还) when a milestone is missed by its deadline. */
  type: z.literal("deadlineRefund"),
  ...deadlineReturnFields,
}));

/**
 * The `deadlineRefund` return kind.
 *
 * @category Term Kinds
 */
export const deadlineRefundKind: ReturnTermKind<"deadlineRefund", typeof deadlineRefundKindSchema, ParsedDeadlineReturn<"deadlineRefund">> = {
  type: "deadlineRefund",
  schema: deadlineRefundKindSchema,
  shareOf: (r) => r.share,
  prepare: (r, ctx) => prepareDeadlineReturn("deadlineRefund", r, ctx),
  trigger: deadlineTrigger,
};
