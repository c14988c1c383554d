// Test before drug (用药前基因检测 against 有药无检): a targeted-drug claim pays only when
// a qualifying result of the drug's biomarker was reported on or before the course start
// and is still valid then. Checked once per course, at the course start C.
import * as z from "zod";
import { DomainError, type Explanation, isoDateSchema, nonNegativeDecimalSchema, parseInput, step, type Step } from "../core/index.js";
import type { Dec } from "../money/index.js";
import { describeQualifying, qualifies, qualifyingResultSchema } from "./qualifying-results/index.js";
import { dayNumber } from "../contracts/anchored-series.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * The closed list of reasons a gated claim is rejected.
 *
 * @category Test Before Drug
 */
export const TEST_GATE_REJECTIONS = ["NO_TEST", "NOT_QUALIFYING", "EXPIRED"] as const;

/**
 * Why a gated claim is rejected: no result on file, the latest result does not qualify, or it is too old.
 *
 * @category Test Before Drug
 */
export type TestGateRejection = (typeof TEST_GATE_REJECTIONS)[number];

/**
 * The zod schema of a test gate: the drug, its biomarker, what qualifies and for how long.
 *
 * @category Test Before Drug
 */
export const testGateSchema = lazySchema(() => z
  .object({
    /** The gated drug's code. */
    drug: z.string().min(1),
    /** The biomarker whose result is required (e.g. "EGFR", "PD-L1"). */
    biomarker: z.string().min(1),
    /** What counts as qualifying: a category list or a level cut-off (inclusive). */
    qualifying: qualifyingResultSchema,
    /** How many days a result stays valid: C − report date ≤ validityDays passes. No default (180 is only the spec's example). */
    validityDays: z.number().int().min(0).max(36_500),
  })
  .strict());

/**
 * A test gate as stored (JSON).
 *
 * @category Test Before Drug
 */
export type TestGateInput = z.input<typeof testGateSchema>;
/**
 * A parsed test gate.
 *
 * @category Test Before Drug
 */
export type TestGate = z.output<typeof testGateSchema>;

/**
 * The zod schema of a reported test result: a category, a level, or both.
 *
 * @category Test Before Drug
 */
export const testResultSchema = lazySchema(() => z
  .object({
    /** An optional reference to the lab report. */
    id: z.string().min(1).optional(),
    /** The biomarker tested (`"EGFR"`, `"BRCA1"`). */
    biomarker: z.string().min(1),
    /** The date the result was reported. */
    reportDate: isoDateSchema,
    /** The reported category (`"positive"`), for a category gate. */
    category: z.string().min(1).optional(),
    /** A measured level as a decimal (PD-L1 expression 0.5 = 50%). */
    level: nonNegativeDecimalSchema.optional(),
  })
  .strict()
  .refine((r) => r.category !== undefined || r.level !== undefined, { message: "a result reports a category, a level, or both", path: ["category"] }));

/**
 * A parsed test result.
 *
 * @category Test Before Drug
 */
export interface TestResult {
  readonly id?: string | undefined;
  readonly biomarker: string;
  readonly reportDate: string;
  readonly category?: string | undefined;
  readonly level?: Dec | undefined;
}

/**
 * The result a gate decision used, in plain JSON.
 *
 * @category Test Before Drug
 */
export interface UsedTestResult {
  /** Its position in the input list (`null` when checked alone). */
  readonly index: number | null;
  readonly id: string | null;
  readonly reportDate: string;
  readonly category: string | null;
  readonly level: string | null;
}

/**
 * Result of {@link checkTestGate} and {@link checkTestResult}.
 *
 * @category Test Before Drug
 */
export interface TestGateResult {
  readonly drug: string;
  readonly biomarker: string;
  readonly courseStart: string;
  readonly passed: boolean;
  /** Null when the gate passes. */
  readonly reason: TestGateRejection | null;
  /** The result the decision rests on (the latest on or before the course start); null for `NO_TEST`. */
  readonly result: UsedTestResult | null;
  /** Days from that result's report date to the course start; null for `NO_TEST`. */
  readonly days: number | null;
  /** What the fund pays on the gated lines: `"asListed"` when the gate passes, `"zero"` when rejected. */
  readonly fundPays: "asListed" | "zero";
  readonly explanation: Explanation;
}

function used(r: TestResult, index: number | null): UsedTestResult {
  return { index, id: r.id ?? null, reportDate: r.reportDate, category: r.category ?? null, level: r.level === undefined ? null : r.level.toFixed() };
}

function describeResult(r: TestResult): string {
  const parts = [r.category, r.level?.toFixed()].filter((x) => x !== undefined);
  return `${r.biomarker} ${parts.join(" / ")} reported ${r.reportDate}${r.id === undefined ? "" : ` (${r.id})`}`;
}

/** Judges the result the gate rests on: qualifying first, then validity. */
function judge(gate: TestGate, courseStart: string, r: TestResult, index: number | null, steps: Step[]): TestGateResult {
  const q = qualifies(gate.qualifying, r);
  const days = dayNumber(courseStart) - dayNumber(r.reportDate);
  const base = { drug: gate.drug, biomarker: gate.biomarker, courseStart, result: used(r, index), days };
  if (!q.qualifies) {
    steps.push(
      step("care.test-gate.not-qualifying", `The latest ${gate.biomarker} result on or before ${courseStart} does not qualify: ${q.why}. The claim is rejected (NOT_QUALIFYING) and the fund pays 0.`, {
        result: describeResult(r),
        rule: describeQualifying(gate.qualifying),
      }),
    );
    return { ...base, passed: false, reason: "NOT_QUALIFYING", fundPays: "zero", explanation: steps };
  }
  if (days > gate.validityDays) {
    steps.push(
      step(
        "care.test-gate.expired",
        `The qualifying result (${q.why}) was reported ${days} days before the course start, more than the ${gate.validityDays}-day validity. The claim is rejected (EXPIRED) and the fund pays 0.`,
        { result: describeResult(r), days, validityDays: gate.validityDays },
      ),
    );
    return { ...base, passed: false, reason: "EXPIRED", fundPays: "zero", explanation: steps };
  }
  steps.push(
    step("care.test-gate.passed", `The latest ${gate.biomarker} result qualifies (${q.why}) and was reported ${days} days before the course start, within the ${gate.validityDays}-day validity: the gate passes.`, {
      result: describeResult(r),
      days,
      validityDays: gate.validityDays,
    }),
  );
  return { ...base, passed: true, reason: null, fundPays: "asListed", explanation: steps };
}

function gateStep(gate: TestGate, courseStart: string): Step {
  return step(
    "care.test-gate.rule",
    `${gate.drug} is gated on ${gate.biomarker}: the latest result reported on or before the course start ${courseStart} must qualify (${describeQualifying(gate.qualifying)}) and be at most ${gate.validityDays} days old then. Checked once per course.`,
    { drug: gate.drug, biomarker: gate.biomarker, courseStart, validityDays: gate.validityDays },
  );
}

/**
 * The gate for one course, from every result on file: the latest result of the gate's
 * biomarker reported on or before the course start decides (a later negative beats an
 * earlier positive); results reported after the course start are not used (no re-test
 * within a course). Several results on that latest date: a non-qualifying one decides.
 *
 * @example
 * ```ts
 * checkTestGate({
 *   gate: { drug: "EGFR-TKI", biomarker: "EGFR", qualifying: { kind: "category", categories: ["positive"] }, validityDays: 180 },
 *   courseStart: "2026-05-10",
 *   results: [{ biomarker: "EGFR", reportDate: "2026-04-20", category: "positive" }],
 * }).passed; // true (20 days)
 * ```
 *
 * @category Test Before Drug
 * @param input - the named arguments, parsed with `checkTestGateInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `checkTestGateInputSchema` (the issue names the field path)
 */
export function checkTestGate(input: z.input<typeof checkTestGateInputSchema>): TestGateResult {
  const x = parseInput(checkTestGateInputSchema, input, "checkTestGate");
  return gateFromResults(x.gate, x.courseStart, x.results);
}

/**
 * The zod schema of {@link checkTestGate}'s input.
 *
 * @category Test Before Drug
 */
export const checkTestGateInputSchema = lazySchema(() => z
  .object({
    /** The test gate of the drug (用药前检测). */
    gate: testGateSchema,
    /** The course start C. */
    courseStart: isoDateSchema,
    /** Every result on file for the patient (any biomarker, any date). */
    results: z.array(testResultSchema),
  })
  .strict());

/** The gate decision from parsed inputs (shared with the triage adaptor). */
export function gateFromResults(gate: TestGate, courseStart: string, results: readonly TestResult[]): TestGateResult {
  const steps: Step[] = [gateStep(gate, courseStart)];
  const c = dayNumber(courseStart);
  let best: { r: TestResult; i: number } | null = null;
  const after: string[] = [];
  results.forEach((r, i) => {
    if (r.biomarker !== gate.biomarker) return;
    if (dayNumber(r.reportDate) > c) {
      after.push(describeResult(r));
      return;
    }
    if (best === null || r.reportDate > best.r.reportDate) best = { r, i };
    else if (r.reportDate === best.r.reportDate && qualifies(gate.qualifying, best.r).qualifies && !qualifies(gate.qualifying, r).qualifies) best = { r, i };
  });
  if (after.length > 0) {
    steps.push(step("care.test-gate.after-start", `${after.length} ${gate.biomarker} result(s) reported after the course start are not used: the gate is checked at the course start.`, { results: after }));
  }
  const chosen = best as { r: TestResult; i: number } | null;
  if (chosen === null) {
    steps.push(step("care.test-gate.no-test", `No ${gate.biomarker} result was reported on or before ${courseStart}. The claim is rejected (NO_TEST) and the fund pays 0.`, { biomarker: gate.biomarker }));
    return { drug: gate.drug, biomarker: gate.biomarker, courseStart, passed: false, reason: "NO_TEST", result: null, days: null, fundPays: "zero", explanation: steps };
  }
  return judge(gate, courseStart, chosen.r, chosen.i, steps);
}

/**
 * The zod schema of {@link checkTestResult}'s input.
 *
 * @category Test Before Drug
 */
export const checkTestResultInputSchema = lazySchema(() => z
  .object({
    /** The test gate of the drug. */
    gate: testGateSchema,
    /** The first day of the drug course; the gate is checked on it. */
    courseStart: isoDateSchema,
    /** The one result the claim relies on; it must be of the gate's biomarker and reported on or before the course start. */
    result: testResultSchema,
  })
  .strict());

/**
 * The gate on one result the caller has already picked as the one on file at the course
 * start. A result reported after the course start cannot be that result: `EVENT_ORDER`
 * at `result.reportDate`; a result of another biomarker is `INCONSISTENT_INPUT`.
 *
 * @example
 * ```ts
 * checkTestResult({
 *   gate: { drug: "PD-1", biomarker: "PD-L1", qualifying: { kind: "level", atLeast: 0.5 }, validityDays: 180 },
 *   courseStart: "2026-05-10",
 *   result: { biomarker: "PD-L1", reportDate: "2026-04-20", level: 0.49 },
 * }).reason; // "NOT_QUALIFYING"
 * ```
 *
 * @category Test Before Drug
 * @param input - the named arguments, parsed with `checkTestResultInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `checkTestResultInputSchema` (the issue names the field path)
 * @throws {DomainError} INCONSISTENT_INPUT at `result.biomarker` when the result is of another biomarker than the gate's
 * @throws {DomainError} EVENT_ORDER at `result.reportDate` when the result was reported after the course start
 */
export function checkTestResult(input: z.input<typeof checkTestResultInputSchema>): TestGateResult {
  const x = parseInput(checkTestResultInputSchema, input, "checkTestResult");
  if (x.result.biomarker !== x.gate.biomarker) {
    throw new DomainError("INCONSISTENT_INPUT", `the result is of ${x.result.biomarker}, but ${x.gate.drug} is gated on ${x.gate.biomarker}`, { path: ["result", "biomarker"] });
  }
  if (x.result.reportDate > x.courseStart) {
    throw new DomainError(
      "EVENT_ORDER",
      `the result was reported on ${x.result.reportDate}, after the course start ${x.courseStart}: the gate is checked at the course start, so this result cannot be the one on file`,
      { path: ["result", "reportDate"], details: { reportDate: x.result.reportDate, courseStart: x.courseStart } },
    );
  }
  return judge(x.gate, x.courseStart, x.result, null, [gateStep(x.gate, x.courseStart)]);
}
