// The one reconciliation mechanism every scheme (shared savings, risk corridors, episode
// targets) parameterises: target − actual, gated, shared through banded corridors,
// adjusted by quality, capped separately on each side. Schemes supply the figures and
// the words; this file does the arithmetic and writes the steps.
import * as z from "zod";
import {
  bandedTable,
  currencyCodeSchema,
  decimal,
  DomainError,
  nonNegativeAmountSchema,
  rateSchema,
  step,
  type Band,
  type BandedTable,
  type IssuePath,
  type Step,
} from "../../core/index.js";
import { formatMoney, money, round, type Dec, type Money, type Rounding } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { pct, text } from "../common.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const boundSchema = lazySchema(() => z.union([z.string(), z.number(), z.null()]));

/**
 * How a corridor table shares an amount: `marginal` applies each band's share to the
 * part of the savings (or loss) ratio inside that band (the result is continuous at band
 * edges); `flat` applies the share of the band the whole ratio falls in to the whole
 * amount (a step at each edge; shares may not fall as the ratio grows).
 *
 * @category Reconciliation
 */
export const sharingMethodSchema = lazySchema(() => z.enum(["marginal", "flat"]));

/**
 * A corridor document: a banded table over the savings or loss ratio (a share of the
 * benchmark, from 0 up) whose values are the provider's share in [0, 1]. Strict: unknown
 * keys are errors; gaps and overlaps are `ValidationError`s at `bands`.
 *
 * @category Reconciliation
 */
export const corridorSchema = lazySchema(() => z
  .strictObject({
    /** `marginal` (each band's share of the part inside it) or `flat` (one share for the whole amount). */
    method: sharingMethodSchema,
    /** Which end of each band is closed: `lower` ([a, b), by default) or `upper` ((a, b]). */
    closed: z.enum(["lower", "upper"]).optional(),
    /** The corridors, from a ratio of 0 up, contiguous, at least one. */
    bands: z
      .array(
        z.strictObject({
          /** The band's lower ratio (a share of the ratio base), null for −∞. */
          from: boundSchema,
          /** The band's upper ratio, null for +∞. */
          to: boundSchema,
          /** The provider's share in [0, 1] in this band. */
          share: rateSchema,
          /** The band's label in the explanation ("corridor 2"). */
          label: z.string().optional(),
        }),
      )
      .min(1),
  })
  .transform((doc, ctx): Corridor => {
    try {
      return makeCorridor(doc.method, doc.bands.map((b) => ({ from: b.from, to: b.to, value: b.share, ...(b.label === undefined ? {} : { label: b.label }) })), doc.closed);
    } catch (e) {
      if (e instanceof DomainError) {
        ctx.addIssue({ code: "custom", message: e.reason, path: [...e.path] });
        return z.NEVER;
      }
      if (e instanceof Error && "issues" in e) {
        for (const issue of (e as { issues: { path: (string | number)[]; message: string }[] }).issues) ctx.addIssue({ code: "custom", message: issue.message, path: [...issue.path] });
        return z.NEVER;
      }
      throw e;
    }
  }));

/**
 * A corridor document as stored (JSON).
 *
 * @category Reconciliation
 */
export type CorridorInput = z.input<typeof corridorSchema>;

/**
 * A validated corridor: its method and a banded table over [0, +∞) of shares.
 *
 * @category Reconciliation
 */
export interface Corridor {
  readonly method: "marginal" | "flat";
  readonly table: BandedTable<Dec>;
}

function makeCorridor(method: "marginal" | "flat", bands: { from: string | number | null; to: string | number | null; value: Dec; label?: string }[], closed?: "lower" | "upper"): Corridor {
  const table = bandedTable<Dec>({ bands, domain: { min: 0, max: null }, ...(closed === undefined ? {} : { closed }) });
  if (method === "flat") {
    for (let i = 1; i < table.bands.length; i++) {
      if (table.bands[i]!.value.lessThan(table.bands[i - 1]!.value)) {
        throw new DomainError("INCONSISTENT_INPUT", "a flat corridor's shares may not fall as the ratio grows (more spending could then earn more); use method \"marginal\"", {
          path: ["bands"],
        });
      }
    }
  }
  return { method, table };
}

/** A one-band corridor: the same share of every amount. */
export function flatShare(share: Dec): Corridor {
  return makeCorridor("flat", [{ from: 0, to: null, value: share }]);
}

/**
 * A cap on one side: the lesser of the limits given, each a share of the benchmark,
 * a share of revenue (with the revenue), or a fixed amount. At least one is required.
 *
 * @category Reconciliation
 */
export const capSchema = lazySchema(() => z
  .strictObject({
    /** The limit as a share ≥ 0 of the benchmark (0.1 = 10 %). */
    shareOfBenchmark: decimal({ min: "0" }).optional(),
    /** The limit as a share ≥ 0 of the provider's revenue; with `revenue`. */
    shareOfRevenue: decimal({ min: "0" }).optional(),
    /** The provider's revenue the share applies to, an amount ≥ 0; with `shareOfRevenue`. */
    revenue: nonNegativeAmountSchema.optional(),
    /** The limit as a fixed amount ≥ 0. */
    amount: nonNegativeAmountSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.shareOfBenchmark === undefined && c.shareOfRevenue === undefined && c.amount === undefined) {
      ctx.addIssue({ code: "custom", path: [], message: "a cap gives shareOfBenchmark, shareOfRevenue (with revenue) or amount" });
    }
    if (c.shareOfRevenue !== undefined && c.revenue === undefined) ctx.addIssue({ code: "custom", path: ["revenue"], message: "shareOfRevenue needs the revenue it is a share of" });
    if (c.revenue !== undefined && c.shareOfRevenue === undefined) ctx.addIssue({ code: "custom", path: ["shareOfRevenue"], message: "revenue is given without the shareOfRevenue it bounds" });
  }));

/**
 * A cap document as stored (JSON).
 *
 * @category Reconciliation
 */
export type CapInput = z.input<typeof capSchema>;

/** One candidate limit of a cap, already in money. */
export interface CapLimit {
  readonly label: string;
  readonly amount: Money;
}

/** The candidate limits of a cap document: benchmark share, revenue share, fixed amount. */
export function capLimits(cap: z.output<typeof capSchema>, benchmark: Money, words: { benchmark: string }, rounding: Rounding): CapLimit[] {
  const c = benchmark.currency;
  const out: CapLimit[] = [];
  if (cap.shareOfBenchmark !== undefined) out.push({ label: `${pct(cap.shareOfBenchmark)} of ${words.benchmark}`, amount: round(money(benchmark.amount.times(cap.shareOfBenchmark), c), rounding) });
  if (cap.shareOfRevenue !== undefined && cap.revenue !== undefined) out.push({ label: `${pct(cap.shareOfRevenue)} of revenue`, amount: round(money(cap.revenue.times(cap.shareOfRevenue), c), rounding) });
  if (cap.amount !== undefined) out.push({ label: "a fixed limit", amount: money(cap.amount, c) });
  return out;
}

/** Document currency: stated, never defaulted. */
export const statedCurrencySchema = currencyCodeSchema;

/** The words a scheme uses in its explanation. */
export interface SchemeWords {
  /** Rule-id prefix, e.g. `budget.mssp`. */
  readonly rule: string;
  readonly provider: string;
  readonly target: string;
  readonly actual: string;
  readonly gains: string;
  readonly losses: string;
  readonly minimumSavings: string;
  readonly minimumLoss: string;
  readonly stopGain: string;
  readonly stopLoss: string;
}

/** What a scheme hands to the mechanism. */
export interface MechanismInput {
  readonly words: SchemeWords;
  readonly target: Money;
  readonly actual: Money;
  /** The amount savings and losses are measured against (the benchmark or the target). */
  readonly ratioBase: Money;
  readonly ratioBaseName: string;
  /** Savings are shared only when they reach this share of the ratio base (0 = none). */
  readonly minimumSavingsRate: Dec;
  /** Losses are owed only when they reach this share of the ratio base (0 = none). */
  readonly minimumLossRate: Dec;
  /** False in a one-sided year or track: no losses are owed. */
  readonly downside: boolean;
  /** False when the quality standard or eligibility is not met: no savings are paid. */
  readonly gainEligible: boolean;
  readonly ineligibleReason?: string;
  readonly gains: Corridor;
  readonly losses: Corridor | null;
  readonly gainQuality: { readonly factor: Dec; readonly text: string };
  readonly lossQuality: { readonly factor: Dec; readonly text: string };
  readonly gainCaps: readonly CapLimit[];
  readonly lossCaps: readonly CapLimit[];
  readonly order: "quality-then-cap" | "cap-then-quality";
  readonly rounding: Rounding;
}

/**
 * The common result of every reconciliation scheme.
 *
 * @category Reconciliation
 */
export interface Reconciliation {
  readonly scheme: string;
  readonly currency: string;
  /** What spending was measured against (benchmark, target price total). */
  readonly target: Money;
  readonly actual: Money;
  /** Target − actual: positive savings, negative losses. */
  readonly grossSavings: Money;
  /** Gross savings ÷ the ratio base, as decimal text (negative for losses). */
  readonly savingsRatio: string;
  readonly outcome: "savings" | "losses" | "none";
  /** Whether the gates (minimum savings / loss rate, quality, downside) let the amount through. */
  readonly gatePassed: boolean;
  /** The amount shared through the corridors, before quality and cap (≥ 0; a magnitude). */
  readonly shared: Money;
  /** The quality factor applied to the shared amount, as decimal text. */
  readonly qualityFactor: string;
  /** The side's cap (the least of its limits), or null when that side has none. */
  readonly cap: Money | null;
  readonly capApplied: boolean;
  /** The settled amount: positive is paid to the provider, negative is owed by it. */
  readonly providerAmount: Money;
  /** What the payer keeps of the gross savings (or bears of the losses): gross − providerAmount. */
  readonly payerAmount: Money;
  readonly direction: "payment-to-provider" | "repayment-by-provider" | "none";
  readonly explanation: readonly Step[];
}

/** The shared magnitude of `amount` (≥ 0) under a corridor, exact; the bands used, for the steps. */
function shareThrough(corridor: Corridor, amount: Dec, base: Dec): { exact: Dec; parts: { band: Band<Dec>; portion: Dec }[] } {
  const parts: { band: Band<Dec>; portion: Dec }[] = [];
  const bands = corridor.table.bands;
  const upperClosed = corridor.table.closed === "upper";
  const edge = (d: Dec | null): Dec | null => (d === null ? null : d.times(base));
  if (corridor.method === "flat") {
    // the band containing amount ÷ base, compared in money so an edge is exact
    let chosen = bands[bands.length - 1]!;
    for (const b of bands) {
      const to = edge(b.to);
      if (to === null || (upperClosed ? amount.lessThanOrEqualTo(to) : amount.lessThan(to))) {
        chosen = b;
        break;
      }
    }
    parts.push({ band: chosen, portion: amount });
    return { exact: amount.times(chosen.value), parts };
  }
  let exact = new D(0);
  for (const b of bands) {
    const from = edge(b.from) ?? new D(0);
    if (!amount.greaterThan(from)) break;
    const to = edge(b.to);
    const top = to === null ? amount : D.min(amount, to);
    const portion = top.minus(from);
    parts.push({ band: b, portion });
    exact = exact.plus(portion.times(b.value));
  }
  return { exact, parts };
}

/** A sentence may start with a scheme's noun: "the ACO" → "The ACO". */
function cap1(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function bandText(b: Band<Dec>): string {
  const to = b.to === null ? "+∞" : pct(b.to);
  return `${b.label ? `${b.label} ` : ""}[${pct(b.from ?? new D(0))}, ${to})`;
}

/**
 * Runs the mechanism: gross savings, gate, corridor sharing, quality, cap, settlement,
 * appending steps in the scheme's words after `steps` (the scheme's own target steps).
 */
export function runMechanism(scheme: string, m: MechanismInput, steps: Step[], path: IssuePath = []): Reconciliation {
  const w = m.words;
  const c = m.target.currency;
  if (m.actual.currency !== c || m.ratioBase.currency !== c) {
    throw new DomainError("CURRENCY_MISMATCH", `${w.actual} is in ${m.actual.currency} but ${w.target} is in ${c}`, { path });
  }
  if (!m.ratioBase.amount.greaterThan(0)) {
    throw new DomainError("UNDEFINED_RESULT", `${m.ratioBaseName} is zero: savings and losses cannot be measured as a share of it`, { path });
  }
  const gross = money(m.target.amount.minus(m.actual.amount), c);
  const base = m.ratioBase.amount;
  const ratio = gross.amount.dividedBy(base);
  const outcome = gross.amount.greaterThan(0) ? "savings" : gross.amount.lessThan(0) ? "losses" : "none";
  steps.push(
    step(
      `${w.rule}.gross`,
      `${cap1(w.target)} less ${w.actual}: ${outcome === "savings" ? "savings" : outcome === "losses" ? "losses" : "neither savings nor losses"} of ${formatMoney(money(gross.amount.abs(), c))}, ${pct(ratio.abs().toDecimalPlaces(6))} of ${m.ratioBaseName}.`,
      { target: m.target, actual: m.actual, ratioBase: m.ratioBase },
      gross,
    ),
  );
  const zero = money(0, c);
  const magnitude = gross.amount.abs();
  let gatePassed = false;
  let shared = new D(0);
  let quality: { factor: Dec; text: string } = { factor: new D(1), text: "" };
  let capLimitsUsed: readonly CapLimit[] = [];
  let corridor: Corridor | null = null;
  if (outcome === "savings") {
    if (!m.gainEligible) {
      steps.push(step(`${w.rule}.eligibility`, `${m.ineligibleReason ?? `${cap1(w.provider)} is not eligible for ${w.gains}`}: nothing is paid.`, {}, zero));
    } else if (magnitude.lessThan(m.minimumSavingsRate.times(base))) {
      steps.push(
        step(
          `${w.rule}.minimum-savings`,
          `Savings of ${pct(ratio.toDecimalPlaces(6))} do not reach the ${w.minimumSavings} of ${pct(m.minimumSavingsRate)}: nothing is shared.`,
          { minimumSavingsRate: m.minimumSavingsRate },
          zero,
        ),
      );
    } else {
      gatePassed = true;
      corridor = m.gains;
      quality = m.gainQuality;
      capLimitsUsed = m.gainCaps;
      if (m.minimumSavingsRate.greaterThan(0)) {
        steps.push(step(`${w.rule}.minimum-savings`, `Savings reach the ${w.minimumSavings} of ${pct(m.minimumSavingsRate)}: they are shared from the first dollar.`, { minimumSavingsRate: m.minimumSavingsRate }));
      }
    }
  } else if (outcome === "losses") {
    if (!m.downside || m.losses === null) {
      steps.push(step(`${w.rule}.one-sided`, `The arrangement is one-sided here: ${w.provider} owes no ${w.losses}.`, {}, zero));
    } else if (magnitude.lessThan(m.minimumLossRate.times(base))) {
      steps.push(
        step(
          `${w.rule}.minimum-loss`,
          `Losses of ${pct(ratio.abs().toDecimalPlaces(6))} do not reach the ${w.minimumLoss} of ${pct(m.minimumLossRate)}: nothing is owed.`,
          { minimumLossRate: m.minimumLossRate },
          zero,
        ),
      );
    } else {
      gatePassed = true;
      corridor = m.losses;
      quality = m.lossQuality;
      capLimitsUsed = m.lossCaps;
      if (m.minimumLossRate.greaterThan(0)) {
        steps.push(step(`${w.rule}.minimum-loss`, `Losses reach the ${w.minimumLoss} of ${pct(m.minimumLossRate)}: they are shared from the first dollar.`, { minimumLossRate: m.minimumLossRate }));
      }
    }
  }
  let cap: Money | null = null;
  let capApplied = false;
  let final = new D(0);
  if (gatePassed && corridor !== null) {
    const { exact, parts } = shareThrough(corridor, magnitude, base);
    shared = exact;
    const what = outcome === "savings" ? w.gains : w.losses;
    const single = corridor.table.bands.length === 1;
    const partText = parts.map((p) => `${pct(p.band.value)} of ${formatMoney(round(money(p.portion, c), "half-up"))}${single ? "" : ` in ${bandText(p.band)}`}`).join("; ");
    steps.push(
      step(
        `${w.rule}.${outcome === "savings" ? "share-gains" : "share-losses"}`,
        corridor.method === "flat"
          ? `${cap1(w.provider)}'s ${what}: ${partText}.`
          : `${cap1(w.provider)}'s ${what} by corridor (each band's share of the part of the ratio inside it): ${partText}.`,
        { method: corridor.method },
        round(money(exact, c), m.rounding),
      ),
    );
    const limits = capLimitsUsed;
    const least = limits.length === 0 ? null : limits.reduce((a, b) => (b.amount.amount.lessThan(a.amount.amount) ? b : a));
    cap = least === null ? null : least.amount;
    const applyQuality = (v: Dec): Dec => {
      const after = v.times(quality.factor);
      if (quality.text !== "") steps.push(step(`${w.rule}.quality`, `${quality.text}: ×${text(quality.factor)}.`, { qualityFactor: quality.factor }, round(money(after, c), m.rounding)));
      return after;
    };
    const applyCap = (v: Dec): Dec => {
      if (least === null) return v;
      const name = outcome === "savings" ? w.stopGain : w.stopLoss;
      const all = limits.map((l) => `${l.label} ${formatMoney(l.amount)}`).join(", ");
      if (v.greaterThan(least.amount.amount)) {
        capApplied = true;
        steps.push(step(`${w.rule}.cap`, `The ${name} binds: ${formatMoney(least.amount)} (${limits.length > 1 ? `the lesser of ${all}` : all}).`, {}, least.amount));
        return least.amount.amount;
      }
      steps.push(step(`${w.rule}.cap`, `The ${name} of ${formatMoney(least.amount)} (${limits.length > 1 ? `the lesser of ${all}` : all}) does not bind.`, {}));
      return v;
    };
    let v = exact;
    if (m.order === "quality-then-cap") v = applyCap(applyQuality(v));
    else v = applyQuality(applyCap(v));
    final = round(money(v, c), m.rounding).amount;
    if (outcome === "losses") final = final.negated();
  }
  const providerAmount = money(final, c);
  const payerAmount = money(gross.amount.minus(final), c);
  const direction = final.greaterThan(0) ? "payment-to-provider" : final.lessThan(0) ? "repayment-by-provider" : "none";
  steps.push(
    step(
      `${w.rule}.result`,
      direction === "payment-to-provider"
        ? `The payer pays ${w.provider} ${formatMoney(providerAmount)}; the payer keeps ${formatMoney(payerAmount)} of the savings.`
        : direction === "repayment-by-provider"
          ? `${cap1(w.provider)} repays ${formatMoney(money(final.negated(), c))}; the payer bears ${formatMoney(money(payerAmount.amount.negated(), c))} of the losses.`
          : `Nothing is owed either way${outcome === "none" ? "" : outcome === "savings" ? `; the payer keeps the savings of ${formatMoney(gross)}` : `; the payer bears the losses of ${formatMoney(money(magnitude, c))}`}.`,
      { providerAmount, payerAmount },
      providerAmount,
    ),
  );
  return {
    scheme,
    currency: c,
    target: m.target,
    actual: m.actual,
    grossSavings: gross,
    savingsRatio: text(ratio),
    outcome,
    gatePassed,
    shared: round(money(shared, c), m.rounding),
    qualityFactor: text(quality.factor),
    cap,
    capApplied,
    providerAmount,
    payerAmount,
    direction,
    explanation: steps,
  };
}

/**
 * Quality-then-cap or cap-then-quality: which of the two adjusts the shared amount first.
 *
 * @category Reconciliation
 */
export const orderSchema = lazySchema(() => z.enum(["quality-then-cap", "cap-then-quality"]));
