// Return kind `deadlineClawback`: as `deadlineRefund`, booked as a clawback.
import * as z from "zod";
import type { ReturnTermKind } from "./kind.js";
import { deadlineReturnFields, deadlineTrigger, type ParsedDeadlineReturn, prepareDeadlineReturn } from "./deadline.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A clawback on a milestone missed by a deadline.
 *
 * @category Term Kinds
 */
export const deadlineClawbackKindSchema = lazySchema(() => z.strictObject({
  /** Return kind `deadlineClawback`: a clawback (追回) when a milestone is missed by its deadline. */
  type: z.literal("deadlineClawback"),
  ...deadlineReturnFields,
}));

/**
 * The `deadlineClawback` return kind.
 *
 * @category Term Kinds
 */
export const deadlineClawbackKind: ReturnTermKind<"deadlineClawback", typeof deadlineClawbackKindSchema, ParsedDeadlineReturn<"deadlineClawback">> = {
  type: "deadlineClawback",
  schema: deadlineClawbackKindSchema,
  shareOf: (r) => r.share,
  prepare: (r, ctx) => prepareDeadlineReturn("deadlineClawback", r, ctx),
  trigger: deadlineTrigger,
};
