// Return kind `refund`: when the first trigger event happens (within the window, if
// given), `share` of what has been paid is refunded, dated on the event, and the same
// share of anything paid afterwards.
import * as z from "zod";
import type { ReturnTermKind } from "./kind.js";
import { eventReturnFields, eventTrigger, type ParsedEventReturn, prepareEventReturn } from "./returns.js";

/** A refund: `share` of what was paid is returned from the first `trigger` event on. */
export const refundKindSchema = z.strictObject({ type: z.literal("refund"), ...eventReturnFields });

/** A refund after parsing. */
export type ParsedRefundTerm = ParsedEventReturn<"refund">;

/** The `refund` return kind. */
export const refundKind: ReturnTermKind<"refund", typeof refundKindSchema, ParsedRefundTerm> = {
  type: "refund",
  schema: refundKindSchema,
  prepare: (r, ctx) => prepareEventReturn("refund", r, ctx),
  trigger: eventTrigger,
};
