// Claim review triage (审核分级): a data rule set classifies each claim as low risk
// (automatic approval), medium (manual review) or high (on-site inspection).
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { parseISO } from "date-fns/parseISO";
import * as z from "zod";
import { type Explanation, isoDateSchema, nonNegativeAmountSchema, parseInput, step } from "../core/index.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const riskSchema = lazySchema(() => z.enum(["low", "medium", "high"]));

/**
 * A review risk level.
 *
 * @category Claim Review
 */
export type ReviewRisk = "low" | "medium" | "high";

/**
 * What each risk level leads to.
 *
 * @category Claim Review
 */
export const REVIEW_ACTIONS: Readonly<Record<ReviewRisk, "auto-approve" | "manual-review" | "on-site-inspection">> = {
  low: "auto-approve",
  medium: "manual-review",
  high: "on-site-inspection",
};

/**
 * The zod schema of a claim-review rule set.
 *
 * @category Claim Review
 */
export const claimReviewRulesSchema = lazySchema(() => z
  .strictObject({
    /** The rules, in order; a claim takes the highest risk among the rules that match. */
    rules: z
      .array(
        z
          .strictObject({
            /** The rule's identifier, named in the explanation. */
            id: z.string().min(1),
            /** The risk a match gives: `low`, `medium` or `high`. */
            risk: riskSchema,
            /** What the rule is for, in words. */
            description: z.string().optional(),
            /** Every condition given must hold. */
            when: z
              .strictObject({
                /** The claim's test or drug code is one of these. */
                codes: z.array(z.string()).min(1).optional(),
                /** The diagnosis starts with one of these codes (ICD prefixes: "C34" matches "C34.9"). */
                diagnoses: z.array(z.string()).min(1).optional(),
                /** No diagnosis, or one that starts with none of these codes. */
                unlessDiagnoses: z.array(z.string()).min(1).optional(),
                /** The stage is one of these. */
                stages: z.array(z.string()).min(1).optional(),
                /** A prior claim with the same code within this many days before the claim date. */
                repeatWithinDays: z.number().int().positive().optional(),
                /** The claimed amount is at least this. */
                amountAtLeast: nonNegativeAmountSchema.optional(),
              })
              .strict(),
          })
          .strict(),
      )
      .min(1),
    /** The risk when no rule fires; default `medium` (a person looks at it). */
    defaultRisk: riskSchema.optional(),
  })
  .strict());

/**
 * The zod schema of {@link triageClaim}'s input.
 *
 * @category Claim Review
 */
export const triageClaimInputSchema = lazySchema(() => z
  .strictObject({
    /** The review rule set (a `claimReviewRulesSchema` document). */
    rules: claimReviewRulesSchema,
    /** The claim to triage. */
    claim: z
      .strictObject({
        /** The test or drug code (the claim's, or a prior claim's). */
        code: z.string().min(1),
        /** The diagnosis code (ICD-10, e.g. `C34.9`). */
        diagnosis: z.string().optional(),
        /** The disease stage (`IV`, …). */
        stage: z.string().optional(),
        /** The claim's (or prior claim's) date, ISO calendar date. */
        date: isoDateSchema,
        /** The claimed amount. */
        amount: nonNegativeAmountSchema.optional(),
        /** The patient's earlier claims, for repeat rules. */
        priorClaims: z.array(z.strictObject({
            /** The test or drug code (the claim's, or a prior claim's). */
            code: z.string().min(1),
            /** The claim's (or prior claim's) date, ISO calendar date. */
            date: isoDateSchema,
          }).strict()).optional(),
      })
      .strict(),
  })
  .strict());

/**
 * Result of {@link triageClaim}.
 *
 * @category Claim Review
 */
export interface TriageClaimResult {
  readonly risk: ReviewRisk;
  readonly action: (typeof REVIEW_ACTIONS)[ReviewRisk];
  /** The rule that decided (`"default"` when none fired). */
  readonly rule: string;
  /** Every rule whose conditions held, in rule-set order. */
  readonly matched: readonly string[];
  readonly explanation: Explanation;
}

const RANK: Record<ReviewRisk, number> = { low: 0, medium: 1, high: 2 };

/**
 * Classifies a claim for review. Every rule is tested; among the rules that fire the
 * highest risk decides (the first listed among equals), so a repeat-test rule
 * outranks the rule that would auto-approve the same test.
 *
 * @param input - The claim's risk facts and the review rules.
 * @throws {ValidationError} when the input does not match `triageClaimInputSchema` (the field path is named).
 * @example
 * ```ts
 * triageClaim({
 *   rules: { rules: [{ id: "egfr-nsclc-iv", risk: "low", when: { codes: ["EGFR"], diagnoses: ["C34"], stages: ["IV"] } }] },
 *   claim: { code: "EGFR", diagnosis: "C34.9", stage: "IV", date: "2026-03-02" },
 * }).action; // "auto-approve"
 * ```
 * @category Claim Review
 */
export function triageClaim(input: z.input<typeof triageClaimInputSchema>): TriageClaimResult {
  const { rules, claim } = parseInput(triageClaimInputSchema, input, "triageClaim");
  const explanation: ReturnType<typeof step>[] = [];
  const matched: { id: string; risk: ReviewRisk }[] = [];
  const day = parseISO(claim.date);
  for (const r of rules.rules) {
    const w = r.when;
    const reasons: string[] = [];
    let ok = true;
    if (w.codes) {
      ok &&= w.codes.includes(claim.code);
      reasons.push(`code ${claim.code} ${w.codes.includes(claim.code) ? "in" : "not in"} [${w.codes.join(", ")}]`);
    }
    if (w.diagnoses) {
      const hit = claim.diagnosis !== undefined && w.diagnoses.some((d) => claim.diagnosis!.startsWith(d));
      ok &&= hit;
      reasons.push(`diagnosis ${claim.diagnosis ?? "none"} ${hit ? "qualifies" : "does not qualify"}`);
    }
    if (w.unlessDiagnoses) {
      const qualifies = claim.diagnosis !== undefined && w.unlessDiagnoses.some((d) => claim.diagnosis!.startsWith(d));
      ok &&= !qualifies;
      reasons.push(qualifies ? `diagnosis ${claim.diagnosis} qualifies` : `no qualifying diagnosis (${claim.diagnosis ?? "none given"})`);
    }
    if (w.stages) {
      const hit = claim.stage !== undefined && w.stages.includes(claim.stage);
      ok &&= hit;
      reasons.push(`stage ${claim.stage ?? "none"} ${hit ? "in" : "not in"} [${w.stages.join(", ")}]`);
    }
    if (w.repeatWithinDays !== undefined) {
      const days = (claim.priorClaims ?? [])
        .filter((p) => p.code === claim.code)
        .map((p) => differenceInCalendarDays(day, parseISO(p.date)))
        .filter((d) => d >= 0 && d <= w.repeatWithinDays!);
      ok &&= days.length > 0;
      reasons.push(days.length > 0 ? `same code claimed ${Math.min(...days)} days before (within ${w.repeatWithinDays})` : `no claim of the same code within ${w.repeatWithinDays} days`);
    }
    if (w.amountAtLeast !== undefined) {
      const hit = claim.amount !== undefined && claim.amount.greaterThanOrEqualTo(w.amountAtLeast);
      ok &&= hit;
      reasons.push(`amount ${claim.amount?.toString() ?? "none"} ${hit ? "≥" : "<"} ${w.amountAtLeast.toString()}`);
    }
    if (ok) matched.push({ id: r.id, risk: r.risk });
    explanation.push(step(`tiers.triage.${ok ? "fired" : "skipped"}`, `Rule ${r.id} (${r.risk}) ${ok ? "fires" : "does not fire"}: ${reasons.join("; ") || "no conditions"}.`, { rule: r.id, risk: r.risk }));
  }
  let decided: { id: string; risk: ReviewRisk } = { id: "default", risk: rules.defaultRisk ?? "medium" };
  if (matched.length > 0) {
    decided = matched[0]!;
    for (const m of matched) if (RANK[m.risk] > RANK[decided.risk]) decided = m;
  }
  const action = REVIEW_ACTIONS[decided.risk];
  explanation.push(
    step(
      "tiers.triage.decision",
      decided.id === "default"
        ? `No rule fires: the default risk ${decided.risk} applies → ${action}.`
        : `Rule ${decided.id} decides: ${decided.risk} risk → ${action}${matched.length > 1 ? ` (highest of ${matched.map((m) => `${m.id} ${m.risk}`).join(", ")})` : ""}.`,
      { rule: decided.id, risk: decided.risk, action, matched: matched.map((m) => m.id) },
    ),
  );
  return { risk: decided.risk, action, rule: decided.id, matched: matched.map((m) => m.id), explanation };
}
