// Return kind `clawback` (K3): like a refund, booked as a clawback of what was paid.
import * as z from "zod";
import type { ReturnTermKind } from "./kind.js";
import { eventReturnFields, eventTrigger, type ParsedEventReturn, prepareEventReturn } from "./returns.js";

/** A clawback: `share` of what was paid is clawed back from the first `trigger` event on. */
export const clawbackKindSchema = z.strictObject({ type: z.literal("clawback"), ...eventReturnFields });

/** A clawback after parsing. */
export type ParsedClawbackTerm = ParsedEventReturn<"clawback">;

/** The `clawback` return kind. */
export const clawbackKind: ReturnTermKind<"clawback", typeof clawbackKindSchema, ParsedClawbackTerm> = {
  type: "clawback",
  schema: clawbackKindSchema,
  prepare: (r, ctx) => prepareEventReturn("clawback", r, ctx),
  trigger: eventTrigger,
};
