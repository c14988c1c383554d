// The waterfall: a bill passes through the plan's layers in order; each layer pays
// from its base (what remains, or the whole bill), within its deductible, rate, cap
// and what is still unpaid; the patient pays the rest. Sums are exact in minor units.
import * as z from "zod";
import {
  DomainError,
  type Explanation,
  type ExplainValue,
  type IssuePath,
  nonNegativeAmountSchema,
  nonNegativeMoneySchema,
  parseInput,
  type Step,
  step,
  ValidationError,
} from "../core/index.js";
import { type Dec, formatMoney, isMoney, type Money } from "../money/index.js";
import { annualAccumulatorsSchema, type AnnualAccumulators, readAccumulators, writeAccumulators } from "./accumulators.js";
import { type CoverageLayerKind, type CoveragePlan, type CoveragePlanInput, isCoveragePlan, parseLayers } from "./layers.js";
import type { LayerClaimFacts } from "./layers/kind.js";
import { layerKindOf } from "./layers/registry.js";
import { toUnits, unitsMoney, unitsText } from "./units.js";
import { runWaterfall } from "./waterfall.js";

const patientSchema = z
  .strictObject({
    /** Groups eligible for medical assistance, e.g. `["subsistence"]` (低保) or `["extremePoverty"]` (特困). */
    groups: z.array(z.string()).optional(),
  })
  .catchall(z.union([z.string(), z.number(), z.array(z.string())]));

/** The zod schema of a claim to split: the plan (parsed or as JSON), the bill, the patient and the year's accumulators. */
export const splitBillInputSchema = z
  .strictObject({
    /** A plan from {@link parseLayers}, or the plan document itself. */
    plan: z.custom<CoveragePlan | CoveragePlanInput>((v) => typeof v === "object" && v !== null, { message: "expected a coverage plan" }),
    /** The bill: an amount in the plan's currency, or `{ amount, currency }`. */
    bill: z.union([nonNegativeAmountSchema, nonNegativeMoneySchema]),
    /** The part of the bill on the insurance catalogue (目录内); defaults to the whole bill. */
    catalogueAmount: nonNegativeAmountSchema.optional(),
    /** Attributes read by stratified rates (insuranceType, hospitalLevel, biomarker, …) and assistance groups. */
    patient: patientSchema.optional(),
    /** Units dispensed, for buy-N-get-M programmes. */
    units: z.number().int().min(0).optional(),
    /** Which treatment cycle this claim is (1 = first), for free-after-X-cycles programmes. */
    cycle: z.number().int().min(1).optional(),
    /** The benefit year; must match the accumulators' year. */
    year: z.number().int().optional(),
    /** The accumulators before this claim (from the previous claim's result); empty when absent. */
    accumulators: annualAccumulatorsSchema.optional(),
    /** `false` skips building sentences and steps (bulk settlement); amounts are identical. */
    explain: z.boolean().optional(),
  })
  .strict();

/** A claim to split, as JSON. */
export type SplitBillInput = z.input<typeof splitBillInputSchema>;

/** What one layer paid and why. */
export interface LayerPayment {
  readonly id: string;
  readonly kind: CoverageLayerKind;
  readonly name: string;
  readonly basis: "remaining" | "total";
  /** The amount the layer looked at: the whole bill or what the layers before it left. */
  readonly base: Money;
  /** The part of the base the layer may pay on (catalogue eligibility applied). */
  readonly eligible: Money;
  /** Deductible (or threshold) absorbed by this claim. */
  readonly deductibleApplied: Money;
  /** The rate applied to the eligible amount after the deductible, as a decimal string (a fraction `free/units` for buy-N-get-M). */
  readonly rate: string;
  /** The amount paid. */
  readonly amount: Money;
  /** What limited the payment below rate × amount, if anything. */
  readonly limitedBy: "cap" | "remaining" | null;
  /** The rule applied, e.g. `tiers.basic.coinsurance`. */
  readonly rule: string;
  /** One sentence a claims officer can read ("" when `explain: false`). */
  readonly text: string;
  /** For a pool: each funder's part, summing to `amount`. */
  readonly parts?: readonly { readonly id: string; readonly name: string; readonly amount: Money }[];
}

/** Result of {@link splitBill}. */
export interface SplitBillResult {
  readonly currency: string;
  readonly bill: Money;
  readonly catalogueAmount: Money;
  readonly layers: readonly LayerPayment[];
  /** Sum of all layers. */
  readonly covered: Money;
  /** What the patient pays (自付): bill − covered. */
  readonly patient: Money;
  /** The accumulators after this claim; pass them to the next claim of the year. */
  readonly accumulators: AnnualAccumulators;
  readonly explanation: Explanation;
}

function withPath<T>(prefix: IssuePath, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(e.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })), "splitBill");
    if (e instanceof DomainError) throw new DomainError(e.code, e.reason, { path: [...prefix, ...e.path], details: { ...e.details } });
    throw e;
  }
}

/**
 * Splits a bill across the plan's coverage layers, in order, and returns what each
 * layer pays, what the patient pays and the accumulators after the claim.
 *
 * Each layer takes its base (what remains, or the whole bill for `basis: "total"`),
 * keeps the part it covers (catalogue items for basic insurance by default), absorbs
 * what is left of its annual deductible, applies its rate (or bands, or programme),
 * rounds once, then is limited by its annual cap and by what is still unpaid.
 * Layers + patient = bill, to the minor unit.
 *
 * @example
 * ```ts
 * const r = splitBill({
 *   plan: { currency: "CNY", layers: [{ kind: "basic", id: "basic", deductible: "750", rate: 0.75 }] },
 *   bill: "100000",
 * });
 * r.layers[0].amount; // CNY 74437.50
 * r.patient;          // CNY 25562.50
 * ```
 */
export function splitBill(input: SplitBillInput | (Omit<SplitBillInput, "plan"> & { plan: CoveragePlan })): SplitBillResult {
  const claim = parseInput(splitBillInputSchema, input, "splitBill");
  const plan = isCoveragePlan(claim.plan) ? claim.plan : withPath(["plan"], () => parseLayers(claim.plan));
  const explain = claim.explain ?? true;
  const { scale, currency } = plan;

  let billAmount: Dec;
  if (isMoney(claim.bill)) {
    if (claim.bill.currency !== currency) {
      throw new DomainError("CURRENCY_MISMATCH", `the bill is in ${claim.bill.currency} but the plan settles in ${currency}`, { path: ["bill", "currency"] });
    }
    billAmount = claim.bill.amount;
  } else billAmount = claim.bill;
  const bill = toUnits(billAmount, scale, ["bill"], "the bill");
  const catalogue = claim.catalogueAmount === undefined ? bill : toUnits(claim.catalogueAmount, scale, ["catalogueAmount"], "the catalogue amount");
  if (catalogue > bill) {
    throw new DomainError("INCONSISTENT_INPUT", `the catalogue-eligible amount ${unitsText(catalogue, scale)} exceeds the bill ${unitsText(bill, scale)}`, { path: ["catalogueAmount"] });
  }
  const state = readAccumulators(plan, claim.accumulators, claim.year);
  const facts: LayerClaimFacts = { patient: claim.patient as LayerClaimFacts["patient"], units: claim.units, cycle: claim.cycle };
  // Bases, eligible amounts and zeros repeat across layers: make each Money once per claim.
  const made = new Map<bigint, Money>();
  const m = (u: bigint): Money => {
    let v = made.get(u);
    if (v === undefined) {
      v = unitsMoney(u, scale, currency);
      made.set(u, v);
    }
    return v;
  };
  const fmt = (u: bigint): string => formatMoney(m(u));

  const steps: Step[] = [];
  if (explain) {
    steps.push(
      step(
        "tiers.bill",
        `The bill is ${fmt(bill)}${catalogue === bill ? ", all of it on the insurance catalogue" : `, of which ${fmt(catalogue)} is on the insurance catalogue`}; ${plan.layers.length} layer(s) apply in order.`,
        { bill: m(bill), catalogueAmount: m(catalogue), layers: plan.layers.map((l) => l.id) },
        m(bill),
      ),
    );
  }

  const { outcomes, covered } = runWaterfall(plan, bill, catalogue, facts, state);
  const payments: LayerPayment[] = [];
  outcomes.forEach((o, i) => {
    const layer = plan.layers[i]!;
    const kind = layerKindOf(layer);
    const d = kind.describe(layer, o.afterDeductible, o.raw, o.before, plan, facts);
    const deductibleLeft = layer.deductible - o.before.met;
    let text = "";
    if (explain) {
      const parts: string[] = [];
      parts.push(`${layer.name} [${layer.id}] looks at ${layer.basis === "total" ? "the whole bill" : "what remains"}, ${fmt(o.base)}`);
      if (o.eligible !== o.base) parts.push(`of which ${fmt(o.eligible)} is ${layer.covers === "catalogue" ? "on the catalogue" : "off the catalogue"} and covered`);
      if (layer.deductible > 0n) {
        parts.push(
          `${fmt(o.deductibleApplied)} goes to the annual ${kind.deductibleWord} of ${fmt(layer.deductible)} (${fmt(o.before.met)} met before, ${fmt(deductibleLeft - o.deductibleApplied)} left after)`,
        );
      }
      text = `${parts.join("; ")}. It pays ${d.how} of ${fmt(o.afterDeductible)} = ${fmt(o.raw)}`;
      if (o.limitedBy === "cap") text += `, limited to ${fmt(o.pay)} by what is left of its annual cap of ${fmt(layer.cap!)} (${fmt(o.before.paid)} used before)`;
      else if (o.limitedBy === "remaining") text += `, limited to ${fmt(o.pay)}: only that much of the bill is still unpaid`;
      text += ".";
    }
    const amount = m(o.pay);
    const poolParts: LayerPayment["parts"] = kind.parts?.(layer, amount);
    const payment: LayerPayment = {
      id: layer.id,
      kind: layer.kind,
      name: layer.name,
      basis: layer.basis,
      base: m(o.base),
      eligible: m(o.eligible),
      deductibleApplied: m(o.deductibleApplied),
      rate: d.rate,
      amount,
      limitedBy: o.limitedBy,
      rule: d.rule,
      text,
      ...(poolParts === undefined ? {} : { parts: poolParts }),
    };
    payments.push(payment);
    if (explain) {
      const inputs: Record<string, ExplainValue> = {
        basis: layer.basis,
        base: payment.base,
        eligible: payment.eligible,
        deductible: m(layer.deductible),
        deductibleMetBefore: m(o.before.met),
        deductibleApplied: payment.deductibleApplied,
        ...d.inputs,
        beforeLimits: m(o.raw),
        cap: layer.cap === null ? null : m(layer.cap),
        capUsedBefore: m(o.before.paid),
        limitedBy: o.limitedBy,
      };
      if (poolParts !== undefined) inputs.parts = poolParts.map((p) => ({ funder: p.id, amount: p.amount }));
      steps.push(step(d.rule, text, inputs, amount));
    }
  });
  const patient = m(bill - covered);
  if (explain) {
    steps.push(
      step(
        "tiers.patient",
        `The patient pays what no layer covered: ${fmt(bill)} − ${fmt(covered)} = ${fmt(bill - covered)}.`,
        { bill: m(bill), covered: m(covered) },
        patient,
      ),
    );
  }
  return {
    currency,
    bill: m(bill),
    catalogueAmount: m(catalogue),
    layers: payments,
    covered: m(covered),
    patient,
    accumulators: writeAccumulators(plan, state, claim.year ?? claim.accumulators?.year ?? null),
    explanation: steps,
  };
}
