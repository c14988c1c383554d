// A consumer composes the library's schemas with its own zod (decision recorded in
// docs/quality.md, "Types for every resolution mode"): zod is a dependency of the
// package, and its schemas are ordinary zod 4 schemas in the consumer's own objects.
import * as z from "zod";
import { coveragePlanSchema } from "precision-vbp/tiers";
import { nonNegativeMoneySchema } from "precision-vbp/core";

export const claimEnvelope = z.strictObject({
  claimId: z.string().min(1),
  plan: coveragePlanSchema,
  deposit: nonNegativeMoneySchema.optional(),
});
export type ClaimEnvelope = z.input<typeof claimEnvelope>;

const ok: ClaimEnvelope = { claimId: "c-1", plan: { currency: "CNY", layers: [{ kind: "basic", rate: "0.7" }] } };
// @ts-expect-error the plan keeps its own type inside the consumer's schema: a layer needs a kind
const bad: ClaimEnvelope = { claimId: "c-2", plan: { currency: "CNY", layers: [{ rate: "0.7" }] } };
export { ok, bad };
