// The facts the order-of-benefit rules read: how each plan covers the person (as
// subscriber or as a dependent), through which parent, since when, on what status.
import * as z from "zod";
import { isoDateSchema } from "../../core/index.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The zod schema of the parent (or other holder) through whom a dependent child is covered by a plan.
 *
 * @category Coordination of Benefits
 */
export const coveringParentSchema = lazySchema(() => z
  .strictObject({
    /** The parent's date of birth; the birthday rule reads its month and day only. */
    birthDate: isoDateSchema.optional(),
    /** Since when the plan has covered this parent (the birthday rule's tie-break). */
    coveredSince: isoDateSchema.optional(),
    /** For parents apart with no court decree: the custodial order. */
    custody: z.enum(["custodialParent", "spouseOfCustodialParent", "nonCustodialParent", "spouseOfNonCustodialParent"]).optional(),
    /** A court decree makes this parent responsible for the child's health care, and the plan knows it. */
    decreeResponsible: z.boolean().optional(),
  })
  .strict());

/**
 * The zod schema of how one plan covers the person.
 *
 * @category Coordination of Benefits
 */
export const planCoverageSchema = lazySchema(() => z
  .strictObject({
    /** The plan's id, unique among the person's plans. */
    id: z.string().min(1).max(200),
    /** The plan has a COB provision consistent with the model regulation (default true); a plan without one is primary. */
    cobProvision: z.boolean().optional(),
    /**
     * Federal or other law makes this plan pay after the others whatever its COB terms say —
     * Medicare as secondary payer (42 CFR 411), a payer of last resort. Decided before the NAIC rules.
     */
    secondaryByLaw: z.boolean().optional(),
    /** `subscriber`: as employee, member, policyholder, subscriber or retiree (non-dependent); `spouse` / `child`: as a dependent. */
    coveredAs: z.enum(["subscriber", "spouse", "child"]),
    /** The employment status behind the coverage (the person's own, or the subscriber's for a dependent). */
    status: z.enum(["active", "retired", "laidOff"]).optional(),
    /** Coverage under COBRA or a state or federal continuation right. */
    continuation: z.boolean().optional(),
    /** Since when the plan has covered the person (length-of-coverage rule). */
    coveredSince: isoDateSchema.optional(),
    /** For a dependent child: the parent through whom the child is covered. */
    parent: coveringParentSchema.optional(),
  })
  .strict());

/**
 * The zod schema of the person whose claim the plans coordinate.
 *
 * @category Coordination of Benefits
 */
export const coveredPersonSchema = lazySchema(() => z
  .strictObject({
    /** For a dependent child: whether the parents are married or living together, or apart (divorced, separated, not living together). */
    parents: z.enum(["together", "apart"]).optional(),
    /** For parents apart: what a court decree says — one parent responsible, both responsible, or joint custody without naming one. */
    courtDecree: z.enum(["oneParentResponsible", "bothResponsible", "jointCustody"]).optional(),
    /**
     * The person is a Medicare beneficiary for whom federal law makes Medicare secondary to
     * the plan covering them as a dependent and primary to the plan covering them as other
     * than a dependent (e.g. as a retiree): the non-dependent rule is then reversed.
     */
    medicareReversesNonDependent: z.boolean().optional(),
  })
  .strict());

/**
 * How one plan covers the person, parsed.
 *
 * @category Coordination of Benefits
 */
export type PlanCoverage = z.output<typeof planCoverageSchema>;
/**
 * How one plan covers the person, as JSON.
 *
 * @category Coordination of Benefits
 */
export type PlanCoverageInput = z.input<typeof planCoverageSchema>;
/**
 * The covered person's facts, parsed.
 *
 * @category Coordination of Benefits
 */
export type CoveredPerson = z.output<typeof coveredPersonSchema>;
