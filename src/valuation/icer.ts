import * as z from "zod";
import { parseInput, step, type Step } from "../core/index.js";
import { type Dec, formatMoney, type Money, subtract } from "../money/index.js";
import { Decimal } from "../money/decimal.js";
import { commonCurrency, costSchema, effectSchema, lambdaMoneySchema, roundedMoney, short } from "./shared.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Where the new strategy sits against the comparator on the cost-effectiveness
 * plane, (ΔE, ΔC): `NE` more effect and more cost; `SE` at least as effective and
 * no more costly (new dominates); `NW` no more effective and at least as costly
 * (new is dominated); `SW` less effect and less cost; `ORIGIN` identical.
 * ΔE = 0 with ΔC < 0 is `SE`, with ΔC > 0 is `NW`.
 *
 * @category Pairwise Comparison
 */
export type Quadrant = "NE" | "SE" | "NW" | "SW" | "ORIGIN";

/**
 * How to read the ratio: `cost-per-qaly-gained` (NE), `saving-per-qaly-lost` (SW),
 * `dominant` (SE: no ratio reported), `dominated` (NW: no ratio reported),
 * `no-difference` (ORIGIN: undefined).
 *
 * @category Pairwise Comparison
 */
export type IcerReading = "cost-per-qaly-gained" | "saving-per-qaly-lost" | "dominant" | "dominated" | "no-difference";

const armSchema = lazySchema(() => z.strictObject({
  /** The arm's expected cost (any sign). */
  cost: costSchema,
  /** The arm's expected effect in QALYs. */
  effect: effectSchema,
}));

/**
 * Input of {@link icer}: the new strategy, its comparator, and optionally λ to judge against.
 *
 * @category Pairwise Comparison
 */
export const icerInputSchema = lazySchema(() => z.strictObject({
  /** The new strategy. */
  intervention: armSchema,
  /** The strategy it is compared with. */
  comparator: armSchema,
  /** Willingness to pay per QALY; when given, the result says whether the new strategy is cost-effective. */
  lambda: lambdaMoneySchema.optional(),
}));

/**
 * Input of {@link icer} as written by callers.
 *
 * @category Pairwise Comparison
 */
export type IcerInput = z.input<typeof icerInputSchema>;

/**
 * A pairwise comparison.
 *
 * @category Pairwise Comparison
 */
export interface IcerResult {
  readonly incrementalCost: Money;
  readonly incrementalEffect: Dec;
  readonly quadrant: Quadrant;
  readonly reading: IcerReading;
  /** A label for reports, e.g. "CNY 200,000.00 per QALY gained" or "dominant". */
  readonly label: string;
  /** ΔC/ΔE rounded half-up to the minor unit, only in NE and SW (null otherwise: never divide by zero or report a meaningless negative ratio). */
  readonly icer: Money | null;
  /** ΔC/ΔE before rounding (64 significant digits), null where `icer` is null. */
  readonly icerExact: Dec | null;
  /** With λ: is the new strategy the better buy (incremental NMB ≥ 0)? */
  readonly costEffective?: boolean;
  readonly explanation: readonly Step[];
}

const finiteDecimal = (what: string) =>
  z.custom<Dec>((v) => Decimal.isDecimal(v) && (v as Dec).isFinite(), { message: `expected ${what} as a finite Decimal` });

/**
 * Input of {@link quadrantOf}: the increments of the new strategy over the comparator.
 *
 * @category Pairwise Comparison
 */
export const quadrantOfInputSchema = lazySchema(() => z.strictObject({
  /** ΔE, the incremental effect (QALYs), a finite Decimal. */
  deltaEffect: finiteDecimal("ΔE"),
  /** ΔC, the incremental cost (the amount of a Money difference), a finite Decimal. */
  deltaCost: finiteDecimal("ΔC"),
}));

/**
 * Input of {@link quadrantOf} as written by callers.
 *
 * @category Pairwise Comparison
 */
export interface QuadrantOfInput {
  readonly deltaEffect: Dec;
  readonly deltaCost: Dec;
}

/**
 * Quadrant of (ΔE, ΔC) by exact sign.
 *
 * @example
 * ```ts
 * declare const D: new (value: string) => ReturnType<typeof qaly>["qalys"];
 * quadrantOf({ deltaEffect: new D("1.0"), deltaCost: new D("200000") }); // "NE"
 * ```
 *
 * @param input - `{ deltaEffect, deltaCost }`: ΔE and ΔC as finite Decimals
 * @throws {ValidationError} when ΔE or ΔC is not a finite Decimal (path `deltaEffect` / `deltaCost`)
 * @category Pairwise Comparison
 */
export function quadrantOf(input: QuadrantOfInput): Quadrant {
  const { deltaEffect, deltaCost } = parseInput(quadrantOfInputSchema, input, "quadrantOf");
  return quadrantBySign(deltaEffect, deltaCost);
}

function quadrantBySign(deltaEffect: Dec, deltaCost: Dec): Quadrant {
  const e = deltaEffect.comparedTo(0);
  const c = deltaCost.comparedTo(0);
  if (e === 0 && c === 0) return "ORIGIN";
  if (e > 0) return c > 0 ? "NE" : "SE";
  if (e < 0) return c < 0 ? "SW" : "NW";
  return c < 0 ? "SE" : "NW";
}

/**
 * Everything about a quadrant in one entry: its reading, the unit of its ratio (null: no
 * ratio is reported, and `label` is the result's label), and the sentence that explains it.
 */
const QUADRANTS: Record<Quadrant, { readonly reading: IcerReading; readonly ratioUnit: string | null; readonly label: string; readonly sentence: string }> = {
  NE: {
    reading: "cost-per-qaly-gained",
    ratioUnit: "per QALY gained",
    label: "cost-per-qaly-gained",
    sentence: "North-east quadrant: more effective and more costly, so the ICER is a cost per QALY gained.",
  },
  SW: {
    reading: "saving-per-qaly-lost",
    ratioUnit: "saved per QALY lost",
    label: "saving-per-qaly-lost",
    sentence: "South-west quadrant: less effective and less costly, so the ratio is a saving per QALY lost (higher is better for the new strategy).",
  },
  SE: {
    reading: "dominant",
    ratioUnit: null,
    label: "dominant",
    sentence: "South-east quadrant: at least as effective and no more costly, so the new strategy dominates; no ratio is reported.",
  },
  NW: {
    reading: "dominated",
    ratioUnit: null,
    label: "dominated",
    sentence: "North-west quadrant: no more effective and at least as costly, so the new strategy is dominated; no ratio is reported.",
  },
  ORIGIN: {
    reading: "no-difference",
    ratioUnit: null,
    label: "no difference in cost or effect: ICER undefined",
    sentence: "Same cost and same effect: the ICER is undefined and no ratio is reported.",
  },
};

/**
 * The incremental cost-effectiveness ratio (增量成本效果比) of a new strategy
 * against a comparator, with its quadrant. In SW the ratio is a saving per QALY
 * lost and is labelled so; in SE/NW no ratio is reported; ΔE = 0 never divides.
 *
 * @example
 * ```ts
 * const r = icer({
 *   intervention: { cost: { amount: "300000", currency: "CNY" }, effect: 2.5 },
 *   comparator: { cost: { amount: "100000", currency: "CNY" }, effect: 1.5 },
 * });
 * r.quadrant;          // "NE"
 * r.icer?.toString();  // "CNY 200000.00"
 * ```
 *
 * @param input - `{ intervention, comparator, lambda? }`: the two arms' cost and effect, and optionally λ to judge against
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused)
 * @throws {DomainError} CURRENCY_MISMATCH when two amounts are in different currencies (path of the later one)
 * @category Pairwise Comparison
 */
export function icer(input: IcerInput): IcerResult {
  const doc = parseInput(icerInputSchema, input, "icer");
  const currency = commonCurrency([
    { money: doc.intervention.cost, path: ["intervention", "cost"] },
    { money: doc.comparator.cost, path: ["comparator", "cost"] },
    ...(doc.lambda ? [{ money: doc.lambda, path: ["lambda"] }] : []),
  ]);
  const dC = subtract(doc.intervention.cost, doc.comparator.cost);
  const dE = doc.intervention.effect.minus(doc.comparator.effect);
  const quadrant = quadrantBySign(dE, dC.amount);
  const q = QUADRANTS[quadrant];
  const reading = q.reading;
  const exact = q.ratioUnit === null ? null : dC.amount.dividedBy(dE);
  const rounded = exact === null ? null : roundedMoney(exact, currency);
  const label = rounded === null ? q.label : `${formatMoney(rounded)} ${q.ratioUnit}`;
  const explanation: Step[] = [
    step(
      "valuation.icer.increments",
      `The new strategy costs ${formatMoney(dC)} more and yields ${short(dE)} QALYs more than the comparator.`,
      { interventionCost: doc.intervention.cost, comparatorCost: doc.comparator.cost, interventionEffect: doc.intervention.effect, comparatorEffect: doc.comparator.effect },
      dC,
    ),
    step("valuation.icer.quadrant", q.sentence, { deltaCost: dC, deltaEffect: dE, quadrant }),
  ];
  if (rounded !== null && exact !== null) {
    explanation.push(step("valuation.icer.ratio", `ICER = ΔC / ΔE = ${label} (rounded half-up to the minor unit).`, { exact }, rounded));
  }
  let costEffective: boolean | undefined;
  if (doc.lambda) {
    const incNmb = doc.lambda.amount.times(dE).minus(dC.amount);
    costEffective = !incNmb.isNegative();
    explanation.push(
      step(
        "valuation.icer.lambda",
        `At λ = ${formatMoney(doc.lambda)} per QALY the incremental net monetary benefit is ${formatMoney(roundedMoney(incNmb, currency))}: the new strategy is ${costEffective ? "" : "not "}cost-effective.`,
        { lambda: doc.lambda },
        roundedMoney(incNmb, currency),
      ),
    );
  }
  const base = { incrementalCost: dC, incrementalEffect: dE, quadrant, reading, label, icer: rounded, icerExact: exact, explanation };
  return costEffective === undefined ? base : { ...base, costEffective };
}

