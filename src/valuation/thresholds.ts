import { quote } from "../money/decimal.js";
import * as z from "zod";
import { userRecord } from "../core/schemas.js";
import {
  bandedTable,
  describeBand,
  DomainError,
  lookupBand,
  parseInput,
  positiveDecimalSchema,
  step,
  type Step,
} from "../core/index.js";
import { type Dec, formatMoney, type Money, money, multiply, round } from "../money/index.js";
import { D } from "../money/decimal.js";
import { commonCurrency, lambdaMoneySchema, short } from "./shared.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const nonNegativeMoney = lambdaMoneySchema;

/**
 * Economic-value band of an ICER measured in multiples of GDP per capita.
 *
 * @category Thresholds and Price
 */
export type GdpBand = "high" | "moderate" | "low";

/**
 * Input of {@link classifyIcerByGdp}.
 *
 * @category Thresholds and Price
 */
export const classifyIcerByGdpInputSchema = lazySchema(() => z
  .strictObject({
    /** The ICER per QALY, ≥ 0 (pass 0 for a dominant strategy; a dominated one has no band). */
    icer: nonNegativeMoney,
    /** GDP per capita (人均GDP), e.g. CNY 89,000 for China 2023. */
    gdpPerCapita: lambdaMoneySchema.refine((m) => m.amount.greaterThan(0), { message: "GDP per capita must be positive" }),
    /** Band edges as multiples: ICER ≤ high× → "high"; ≤ moderate× → "moderate"; above → "low". Defaults 3 and 5. */
    multiples: z
      .strictObject({
        /** Upper edge of the "high" band in multiples of GDP per capita, > 0 (default 3). */
        high: positiveDecimalSchema,
        /** Upper edge of the "moderate" band, > `high` (default 5). */
        moderate: positiveDecimalSchema,
      })
      .optional(),
  })
  .superRefine((doc, ctx) => {
    if (doc.multiples && !doc.multiples.high.lessThan(doc.multiples.moderate)) {
      ctx.addIssue({ code: "custom", message: "the 'high' multiple must be below the 'moderate' multiple", path: ["multiples"] });
    }
  }));

/**
 * Input of {@link classifyIcerByGdp} as written by callers.
 *
 * @category Thresholds and Price
 */
export type ClassifyIcerByGdpInput = z.input<typeof classifyIcerByGdpInputSchema>;

/**
 * An ICER's band against GDP per capita.
 *
 * @category Thresholds and Price
 */
export interface GdpBandResult {
  readonly band: GdpBand;
  /** The ICER in multiples of GDP per capita (exact). */
  readonly multiple: Dec;
  /** Upper bound of the "high" band (high × GDP per capita). */
  readonly highBound: Money;
  /** Upper bound of the "moderate" band. */
  readonly moderateBound: Money;
  /** The band as an interval, e.g. "[0, 267000]". */
  readonly interval: string;
  readonly explanation: readonly Step[];
}

/**
 * Bands an ICER by multiples of GDP per capita: ≤ 3× "high" economic value,
 * (3×, 5×] "moderate", > 5× "low" (multiples configurable). Bands are closed
 * above, as the rule is written "≤ 3×", and come from the library's banded tables.
 *
 * @example
 * ```ts
 * classifyIcerByGdp({ icer: { amount: "200000", currency: "CNY" }, gdpPerCapita: { amount: "89000", currency: "CNY" } }).band; // "high"
 * ```
 *
 * @param input - `{ icer, gdpPerCapita, multiples? }`
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused); a `high` multiple not below `moderate` is refused at `multiples`
 * @throws {DomainError} CURRENCY_MISMATCH when two amounts are in different currencies (path of the later one)
 * @category Thresholds and Price
 */
export function classifyIcerByGdp(input: ClassifyIcerByGdpInput): GdpBandResult {
  const doc = parseInput(classifyIcerByGdpInputSchema, input, "classifyIcerByGdp");
  const currency = commonCurrency([
    { money: doc.gdpPerCapita, path: ["gdpPerCapita"] },
    { money: doc.icer, path: ["icer"] },
  ]);
  const high = doc.multiples?.high ?? new D(3);
  const moderate = doc.multiples?.moderate ?? new D(5);
  const highBound = multiply(doc.gdpPerCapita, high);
  const moderateBound = multiply(doc.gdpPerCapita, moderate);
  const table = bandedTable<GdpBand>({
    closed: "upper",
    domain: { min: 0, max: null },
    bands: [
      { from: 0, to: highBound.amount, value: "high" },
      { from: highBound.amount, to: moderateBound.amount, value: "moderate" },
      { from: moderateBound.amount, to: null, value: "low" },
    ],
  });
  const found = lookupBand(table, doc.icer.amount, ["icer"]);
  const multiple = doc.icer.amount.dividedBy(doc.gdpPerCapita.amount);
  const interval = describeBand(table, found);
  return {
    band: found.value,
    multiple,
    highBound,
    moderateBound,
    interval,
    explanation: [
      step(
        "valuation.threshold.gdp",
        `ICER ${formatMoney(doc.icer)} is ${short(multiple)}× GDP per capita (${formatMoney(doc.gdpPerCapita)}); bands: ≤ ${formatMoney(highBound)} high, ≤ ${formatMoney(moderateBound)} moderate, above low. It falls in ${interval}: "${found.value}" economic value.`,
        { icer: doc.icer, gdpPerCapita: doc.gdpPerCapita, highMultiple: high, moderateMultiple: moderate, currency },
      ),
    ],
  };
}

/**
 * Input of {@link applyThreshold}.
 *
 * @category Thresholds and Price
 */
export const applyThresholdInputSchema = lazySchema(() => z.strictObject({
  /** The ICER per QALY, ≥ 0. */
  icer: nonNegativeMoney,
  /** The threshold (or the lower end of a range, e.g. NICE £20,000). */
  threshold: nonNegativeMoney,
  /** Optional upper end of a range (NICE £30,000; ICER-US $150,000). */
  upperThreshold: nonNegativeMoney.optional(),
  /** Severity modifier multiplying the threshold(s), e.g. 1.2 or 1.7. Default 1. */
  severityModifier: positiveDecimalSchema.optional(),
}).superRefine((doc, ctx) => {
  if (doc.upperThreshold && doc.upperThreshold.currency === doc.threshold.currency && doc.upperThreshold.amount.lessThan(doc.threshold.amount)) {
    ctx.addIssue({ code: "custom", message: "the upper threshold must not be below the threshold", path: ["upperThreshold"] });
  }
}));

/**
 * Input of {@link applyThreshold} as written by callers.
 *
 * @category Thresholds and Price
 */
export type ApplyThresholdInput = z.input<typeof applyThresholdInputSchema>;

/**
 * `cost-effective` (ICER ≤ threshold), `within-range` (between threshold and upper threshold), `not-cost-effective`.
 *
 * @category Thresholds and Price
 */
export type ThresholdVerdict = "cost-effective" | "within-range" | "not-cost-effective";

/**
 * An ICER judged against a fixed threshold.
 *
 * @category Thresholds and Price
 */
export interface ThresholdResult {
  readonly verdict: ThresholdVerdict;
  /** Threshold × severity modifier, rounded half-up. */
  readonly effectiveThreshold: Money;
  readonly effectiveUpperThreshold: Money | null;
  /** Effective (upper, if any) threshold minus the ICER: positive is room to spare. */
  readonly margin: Money;
  readonly explanation: readonly Step[];
}

/**
 * Judges an ICER against a fixed threshold or range, after a severity modifier.
 * The ICER is cost-effective when ≤ the (modified) threshold; with a range, ICERs
 * up to the upper end are `within-range`.
 *
 * @example
 * ```ts
 * applyThreshold({
 *   icer: { amount: "33000", currency: "GBP" },
 *   threshold: { amount: "20000", currency: "GBP" },
 *   upperThreshold: { amount: "30000", currency: "GBP" },
 *   severityModifier: 1.2,
 * }).verdict; // "within-range" (range becomes £24,000–£36,000)
 * ```
 *
 * @param input - `{ icer, threshold, upperThreshold?, severityModifier? }`
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused); an upper threshold below the threshold is refused at `upperThreshold`
 * @throws {DomainError} CURRENCY_MISMATCH when two amounts are in different currencies (path of the later one)
 * @category Thresholds and Price
 */
export function applyThreshold(input: ApplyThresholdInput): ThresholdResult {
  const doc = parseInput(applyThresholdInputSchema, input, "applyThreshold");
  commonCurrency([
    { money: doc.icer, path: ["icer"] },
    { money: doc.threshold, path: ["threshold"] },
    ...(doc.upperThreshold ? [{ money: doc.upperThreshold, path: ["upperThreshold"] }] : []),
  ]);
  const modifier = doc.severityModifier ?? new D(1);
  const lower = round(multiply(doc.threshold, modifier));
  const upper = doc.upperThreshold ? round(multiply(doc.upperThreshold, modifier)) : null;
  const verdict: ThresholdVerdict = !doc.icer.amount.greaterThan(lower.amount)
    ? "cost-effective"
    : upper !== null && !doc.icer.amount.greaterThan(upper.amount)
      ? "within-range"
      : "not-cost-effective";
  const margin = money((upper ?? lower).amount.minus(doc.icer.amount), lower.currency);
  const range = upper === null ? formatMoney(lower) : `${formatMoney(lower)}–${formatMoney(upper)}`;
  return {
    verdict,
    effectiveThreshold: lower,
    effectiveUpperThreshold: upper,
    margin,
    explanation: [
      step(
        "valuation.threshold.fixed",
        `Threshold ${modifier.equals(1) ? "" : `× severity modifier ${modifier.toString()} `}= ${range} per QALY; ICER ${formatMoney(doc.icer)} is ${verdict}.`,
        { icer: doc.icer, threshold: doc.threshold, upperThreshold: doc.upperThreshold ?? null, severityModifier: modifier },
        margin,
      ),
    ],
  };
}

const factValueSchema = lazySchema(() => z.union([z.number().refine(Number.isFinite, "must be finite"), z.string(), z.boolean()]));

/**
 * One condition of a threshold rule: `fact op value`, e.g. `lifeExtensionMonths >= 12`.
 *
 * @category Thresholds and Price
 */
export const thresholdConditionSchema = lazySchema(() => z.strictObject({
  /** The name of the fact in `facts` (a missing fact is an error, not a non-match). */
  fact: z.string().min(1),
  /** The comparison; `>=`, `>`, `<=`, `<` compare numbers exactly, `==` / `!=` any value. */
  op: z.enum([">=", ">", "<=", "<", "==", "!="]),
  /** The value the fact is compared with (a finite number, a string or a boolean). */
  value: factValueSchema,
}));

/**
 * A differentiated threshold policy: ordered rules (all conditions of a rule must hold), first match wins, else the default.
 *
 * @category Thresholds and Price
 */
export const thresholdPolicySchema = lazySchema(() => z.strictObject({
  /** The rules in order; the first whose conditions all hold wins. */
  rules: z.array(
    z.strictObject({
      /** The rule's name, reported as the result's `rule`. */
      label: z.string().min(1),
      /** Its conditions, all of which must hold (at least one). */
      when: z.array(thresholdConditionSchema).min(1),
      /** The threshold per QALY it assigns, ≥ 0. */
      threshold: nonNegativeMoney,
    }),
  ),
  /** The threshold per QALY when no rule matches, ≥ 0. */
  default: nonNegativeMoney,
}));

/**
 * Input of {@link selectThreshold}: a policy and the facts about the therapy.
 *
 * @category Thresholds and Price
 */
export const selectThresholdInputSchema = lazySchema(() => z.strictObject({
  /** The differentiated threshold policy. */
  policy: thresholdPolicySchema,
  /** Facts the conditions refer to, e.g. `{ lifeExtensionMonths: 14, rareDisease: false }`. */
  facts: userRecord(z.string(), factValueSchema),
}));

/**
 * Input of {@link selectThreshold} as written by callers.
 *
 * @category Thresholds and Price
 */
export type SelectThresholdInput = z.input<typeof selectThresholdInputSchema>;

/**
 * The threshold a policy assigns.
 *
 * @category Thresholds and Price
 */
export interface SelectedThreshold {
  readonly threshold: Money;
  /** The label of the matching rule, or "default". */
  readonly rule: string;
  readonly explanation: readonly Step[];
}

/**
 * Picks the willingness-to-pay threshold from a differentiated policy: rules are
 * tried in order, the first whose conditions all hold wins, otherwise the default.
 * A condition naming a fact that was not supplied is an `UNKNOWN_KEY` error rather
 * than a silent non-match.
 *
 * @example
 * ```ts
 * selectThreshold({
 *   policy: {
 *     rules: [{ label: "life-extending", when: [{ fact: "lifeExtensionMonths", op: ">=", value: 12 }], threshold: { amount: "150000", currency: "CNY" } }],
 *     default: { amount: "89000", currency: "CNY" },
 *   },
 *   facts: { lifeExtensionMonths: 14 },
 * }).threshold.toString(); // "CNY 150000.00"
 * ```
 *
 * @param input - `{ policy, facts }`: the ordered rules with their default, and the facts their conditions read
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused)
 * @throws {DomainError} UNKNOWN_KEY when a condition names a fact not supplied (path `policy.rules.<i>.when.<j>.fact`)
 * @throws {DomainError} INCONSISTENT_INPUT when an order comparison meets a non-number (path `….value`)
 * @category Thresholds and Price
 */
export function selectThreshold(input: SelectThresholdInput): SelectedThreshold {
  const doc = parseInput(selectThresholdInputSchema, input, "selectThreshold");
  const explanation: Step[] = [];
  for (const [i, rule] of doc.policy.rules.entries()) {
    const failed = rule.when.findIndex((c, j) => !holds(c, doc.facts, ["policy", "rules", i, "when", j]));
    if (failed === -1) {
      explanation.push(
        step("valuation.threshold.policy", `Rule ${i + 1} "${rule.label}" matches: threshold ${formatMoney(rule.threshold)} per QALY.`, { rule: rule.label }, rule.threshold),
      );
      return { threshold: rule.threshold, rule: rule.label, explanation };
    }
    const c = rule.when[failed]!;
    explanation.push(
      step("valuation.threshold.policy.skip", `Rule ${i + 1} "${rule.label}" does not match: ${c.fact} ${c.op} ${String(c.value)} is false (${c.fact} = ${String(doc.facts[c.fact])}).`, { rule: rule.label }),
    );
  }
  explanation.push(step("valuation.threshold.policy.default", `No rule matches: the default threshold ${formatMoney(doc.policy.default)} per QALY applies.`, {}, doc.policy.default));
  return { threshold: doc.policy.default, rule: "default", explanation };
}

function holds(c: z.output<typeof thresholdConditionSchema>, facts: Record<string, number | string | boolean>, path: (string | number)[]): boolean {
  if (!Object.prototype.hasOwnProperty.call(facts, c.fact)) {
    throw new DomainError("UNKNOWN_KEY", `the condition refers to fact "${c.fact}", which was not supplied`, { path: [...path, "fact"], details: { fact: c.fact } });
  }
  const actual = facts[c.fact]!;
  if (c.op === "==") return actual === c.value;
  if (c.op === "!=") return actual !== c.value;
  if (typeof actual !== "number" || typeof c.value !== "number") {
    throw new DomainError("INCONSISTENT_INPUT", `"${c.op}" compares numbers, but ${c.fact} is ${quote(actual)} and the rule's value is ${quote(c.value)}`, { path: [...path, "value"] });
  }
  const a = new D(actual);
  const b = new D(c.value);
  if (c.op === ">=") return a.greaterThanOrEqualTo(b);
  if (c.op === ">") return a.greaterThan(b);
  if (c.op === "<=") return a.lessThanOrEqualTo(b);
  return a.lessThan(b);
}
