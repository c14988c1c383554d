// The test gate inside claim review: a set of gated drugs (each drug gated once, and never
// also biomarker-stratified), a predicate for one claim, and an adaptor that runs the tiers
// chapter's claim triage and the gate together. The triage code itself is not changed.
import * as z from "zod";
import { DomainError, type Explanation, isoDateSchema, parseInput, step } from "../core/index.js";
import { REVIEW_ACTIONS, triageClaim, triageClaimInputSchema, type TriageClaimResult } from "../tiers/index.js";
import { gateFromResults, type TestGate, type TestGateResult, testGateSchema, testResultSchema } from "./test-gate.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * The zod schema of a test-gate set: the gated drugs and, to catch the conflict, the drugs
 * whose rate is biomarker-stratified (S1) elsewhere. A drug is gated or stratified, not
 * both; a drug gated twice is an error too.
 *
 * @category Test Before Drug
 */
export const testGateSetSchema = lazySchema(() => z
  .object({
    /** The test gates, one per gated drug. */
    gates: z.array(testGateSchema).min(1),
    /** Drug codes whose reimbursement rate is stratified by biomarker (tiers S1). */
    stratifiedDrugs: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Map<string, number>();
    set.gates.forEach((g, i) => {
      const first = seen.get(g.drug);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["gates", i, "drug"], message: `${g.drug} is already gated by gates[${first}]` });
      else seen.set(g.drug, i);
    });
    (set.stratifiedDrugs ?? []).forEach((d, i) => {
      const g = seen.get(d);
      if (g !== undefined) ctx.addIssue({ code: "custom", path: ["stratifiedDrugs", i], message: `${d} is gated by gates[${g}]; a drug is gated or biomarker-stratified, not both` });
    });
  }));

/**
 * A test-gate set as stored (JSON).
 *
 * @category Test Before Drug
 */
export type TestGateSetInput = z.input<typeof testGateSetSchema>;

const gatedClaimSchema = lazySchema(() => triageClaimInputSchema.shape.claim.extend({
  /** The course start C the claim belongs to; required when the claim's code is a gated drug. */
  courseStart: isoDateSchema.optional(),
}));

/**
 * The zod schema of {@link testGatePredicate}'s input.
 *
 * @category Test Before Drug
 */
export const testGatePredicateInputSchema = lazySchema(() => z
  .object({
    /** The test gates in force. */
    gates: testGateSetSchema,
    /** The claim line: its code and, for a gated drug, its course start. */
    claim: z
      .strictObject({
        /** The billed drug or item code. */
        code: z.string().min(1),
        /** The first day of the drug course; required when the code is a gated drug. */
        courseStart: isoDateSchema.optional(),
      })
      .strict(),
    /** The patient's test results on file. */
    results: z.array(testResultSchema),
  })
  .strict());

function gateFor(gates: readonly TestGate[], code: string): TestGate | null {
  for (const g of gates) if (g.drug === code) return g;
  return null;
}

function requireCourseStart(courseStart: string | undefined, drug: string): string {
  if (courseStart === undefined) {
    throw new DomainError("INCONSISTENT_INPUT", `${drug} is a gated drug: the claim must state its course start`, { path: ["claim", "courseStart"] });
  }
  return courseStart;
}

/**
 * The predicate a claim pipeline calls per claim line: `true` when the line may be paid
 * as listed (its code is not gated, or the gate passes), `false` when a gated drug's
 * line is rejected (it pays 0). Use {@link triageWithTestGate} to get the reason too.
 *
 * @example
 * ```ts
 * testGatePredicate({
 *   gates: { gates: [{ drug: "EGFR-TKI", biomarker: "EGFR", qualifying: { kind: "category", categories: ["positive"] }, validityDays: 180 }] },
 *   claim: { code: "EGFR-TKI", courseStart: "2026-05-10" },
 *   results: [],
 * }); // false (NO_TEST)
 * ```
 *
 * @category Test Before Drug
 * @param input - the named arguments, parsed with `testGatePredicateInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `testGatePredicateInputSchema` (the issue names the field path)
 * @throws {DomainError} INCONSISTENT_INPUT at `claim.courseStart` when the claim of a gated drug states no course start
 */
export function testGatePredicate(input: z.input<typeof testGatePredicateInputSchema>): boolean {
  const x = parseInput(testGatePredicateInputSchema, input, "testGatePredicate");
  const gate = gateFor(x.gates.gates, x.claim.code);
  if (gate === null) return true;
  return gateFromResults(gate, requireCourseStart(x.claim.courseStart, gate.drug), x.results).passed;
}

/**
 * The zod schema of {@link triageWithTestGate}'s input: the triage input plus the gates and the patient's results.
 *
 * @category Test Before Drug
 */
export const triageWithTestGateInputSchema = lazySchema(() => z
  .object({
    /** The claim-review rules (as for `triageClaim`). */
    rules: triageClaimInputSchema.shape.rules,
    /** The test gates in force. */
    gates: testGateSetSchema,
    /** The claim, with the course start and test results of a gated drug. */
    claim: gatedClaimSchema,
    /** The patient's test results on file. */
    results: z.array(testResultSchema),
  })
  .strict());

/**
 * Result of {@link triageWithTestGate}.
 *
 * @category Test Before Drug
 */
export interface TriageWithTestGateResult {
  /** The claim triage of the tiers chapter, unchanged. */
  readonly triage: TriageClaimResult;
  /** The gate decision, or null when the claim's code is not a gated drug. */
  readonly gate: TestGateResult | null;
  /** `reject` when the gate rejects the line (it pays 0); else the triage's action. */
  readonly action: "reject" | (typeof REVIEW_ACTIONS)[keyof typeof REVIEW_ACTIONS];
  /** False when the gate rejects the line. */
  readonly payable: boolean;
  readonly explanation: Explanation;
}

/**
 * Claim triage (tiers) with the test-before-drug gate in front: a gated drug whose gate
 * fails is rejected with the gate's reason code whatever the triage says; otherwise the
 * triage's action stands. Both explanations are kept, gate first.
 *
 * @example
 * ```ts
 * triageWithTestGate({
 *   rules: { rules: [{ id: "tki", risk: "low", when: { codes: ["EGFR-TKI"] } }] },
 *   gates: { gates: [{ drug: "EGFR-TKI", biomarker: "EGFR", qualifying: { kind: "category", categories: ["positive"] }, validityDays: 180 }] },
 *   claim: { code: "EGFR-TKI", date: "2026-05-12", courseStart: "2026-05-10" },
 *   results: [{ biomarker: "EGFR", reportDate: "2026-04-20", category: "negative" }],
 * }).action; // "reject" (gate NOT_QUALIFYING)
 * ```
 *
 * @category Test Before Drug
 * @param input - the named arguments, parsed with `triageWithTestGateInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `triageWithTestGateInputSchema` (the issue names the field path)
 * @throws {DomainError} INCONSISTENT_INPUT at `claim.courseStart` when the claim of a gated drug states no course start
 * @throws {DomainError} EVENT_ORDER at `claim.date` when the claim is dated before its course start
 */
export function triageWithTestGate(input: z.input<typeof triageWithTestGateInputSchema>): TriageWithTestGateResult {
  const x = parseInput(triageWithTestGateInputSchema, input, "triageWithTestGate");
  const { courseStart, ...claim } = x.claim;
  const gate = gateFor(x.gates.gates, claim.code);
  let verdict: TestGateResult | null = null;
  if (gate !== null) {
    const c = requireCourseStart(courseStart, gate.drug);
    if (claim.date < c) {
      throw new DomainError("EVENT_ORDER", `the claim is dated ${claim.date}, before its course start ${c}`, { path: ["claim", "date"] });
    }
    verdict = gateFromResults(gate, c, x.results);
  }
  // The triage re-parses its own (already valid) part of the input: amounts back to text.
  const triage = triageClaim({ rules: (input as { rules: unknown }).rules as never, claim: stripCourseStart((input as { claim: unknown }).claim) as never });
  const rejected = verdict !== null && !verdict.passed;
  const action = rejected ? "reject" : triage.action;
  const decision = step(
    "care.test-gate.triage",
    rejected
      ? `The test gate rejects the line (${verdict!.reason}): it pays 0, whatever the review level (${triage.action}).`
      : verdict === null
        ? `${claim.code} is not a gated drug: the triage decides (${triage.action}).`
        : `The test gate passes: the triage decides (${triage.action}).`,
    { gate: verdict === null ? "not gated" : verdict.reason ?? "passed", triage: triage.action, action },
  );
  return { triage, gate: verdict, action, payable: !rejected, explanation: [...(verdict?.explanation ?? []), ...triage.explanation, decision] };
}

function stripCourseStart(claim: unknown): unknown {
  const { courseStart: _ignored, ...rest } = claim as Record<string, unknown>;
  return rest;
}
