// The waterfall: a bill passes through the plan's layers in order; each layer pays
// from its base (what remains, or the whole bill), within its deductible, rate, limits
// and what is still unpaid; the patient pays the rest. Sums are exact in minor units.
// An itemised claim settles line by line; every line and layer is explained.
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
import { invalid } from "../kernel/index.js";
import { type Dec, formatMoney, isMoney, type Money } from "../money/index.js";
import { D } from "../money/decimal.js";
import {
  annualAccumulatorsSchema,
  type AnnualAccumulators,
  familyAccumulatorsSchema,
  type FamilyAccumulators,
  readAccumulators,
  readFamilyAccumulators,
  writeAccumulators,
  writeFamilyAccumulators,
} from "./accumulators.js";
import { billLineSchema, type UnitLine } from "./categories.js";
import { type CoverageLayerKind, type CoveragePlan, type CoveragePlanInput, isCoveragePlan, parseLayers } from "./layers.js";
import { describeStratified, pct } from "./layers/common.js";
import type { LayerClaimFacts, LayerPart, LayerRuleDescription } from "./layers/kind.js";
import { layerKindOf } from "./layers/registry.js";
import { toUnits, unitsText } from "../money/minor-units.js";
import { unitsMoney } from "../money/money-units.js";
import { describeVariant, describeVariantRule } from "./variants.js";
import { checkLineCategories, type LayerLimitedBy, type LayerOutcome, settleLines } from "./waterfall.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const patientSchema = lazySchema(() => z
  .strictObject({
    /** Groups eligible for medical assistance, e.g. `["subsistence"]` (低保) or `["extremePoverty"]` (特困). */
    groups: z.array(z.string()).optional(),
  })
  .catchall(z.union([z.string(), z.number(), z.array(z.string())])));

/**
 * The zod schema of a claim to split: the plan (parsed or as JSON), the bill or its lines, the patient and the accumulators.
 *
 * @category Coverage Layers
 */
export const splitBillInputSchema = lazySchema(() => z
  .strictObject({
    /** A plan from {@link parseLayers}, or the plan document itself. */
    plan: z.custom<CoveragePlan | CoveragePlanInput>((v) => typeof v === "object" && v !== null, { message: "expected a coverage plan" }),
    /** The bill: an amount in the plan's currency, or `{ amount, currency }`. With `lines`, optional (their sum) or equal to it. */
    bill: z.union([nonNegativeAmountSchema, nonNegativeMoneySchema]).optional(),
    /** The part of the bill on the insurance catalogue (目录内); defaults to the whole bill. Not with `lines` (their classes say it). */
    catalogueAmount: nonNegativeAmountSchema.optional(),
    /** The bill by item (分项): category, catalogue class and amount per line; settled one line after the other. */
    lines: z.array(billLineSchema).min(1).optional(),
    /** Attributes read by stratified rates (insuranceType, hospitalLevel, biomarker, …), variants and assistance groups. */
    patient: patientSchema.optional(),
    /** Units dispensed, for buy-N-get-M programmes. */
    units: z.number().int().min(0).optional(),
    /** Which treatment cycle this claim is (1 = first), for free-after-X-cycles programmes. */
    cycle: z.number().int().min(1).optional(),
    /** The benefit year; must match the accumulators' year. */
    year: z.number().int().optional(),
    /** The insured person; must match the accumulators' person. */
    person: z.string().min(1).optional(),
    /** The family, for a claim under family cover: family deductibles and out-of-pocket maxima then apply. */
    family: z.string().min(1).optional(),
    /** The accumulators before this claim (from the previous claim's result); empty when absent. */
    accumulators: annualAccumulatorsSchema.optional(),
    /** The family's accumulators before this claim (from the previous family claim's result); empty when absent. */
    familyAccumulators: familyAccumulatorsSchema.optional(),
    /** `false` skips building sentences and steps (bulk settlement); amounts are identical. */
    explain: z.boolean().optional(),
  })
  .strict());

/**
 * A claim to split, as JSON.
 *
 * @category Coverage Layers
 */
export type SplitBillInput = z.input<typeof splitBillInputSchema>;

/**
 * What one layer paid and why.
 *
 * @category Coverage Layers
 */
export interface LayerPayment {
  readonly id: string;
  readonly kind: CoverageLayerKind;
  readonly name: string;
  readonly basis: "remaining" | "total";
  /** The amount the layer looked at: the whole bill or what the layers before it left (summed over lines). */
  readonly base: Money;
  /** The part of the base the layer may pay on (catalogue eligibility, categories and first self-pay applied). */
  readonly eligible: Money;
  /** Deductible (or threshold) absorbed by this claim. */
  readonly deductibleApplied: Money;
  /** The rate applied to the eligible amount after the deductible, as a decimal string (a fraction `free/units` for buy-N-get-M; paid ÷ amount after the deductible, to 6 places, when lines differ). */
  readonly rate: string;
  /** The amount paid. */
  readonly amount: Money;
  /** What limited the payment below rate × amount, if anything (the first line it limited, on an itemised claim). */
  readonly limitedBy: LayerLimitedBy;
  /** The rule applied, e.g. `tiers.basic.coinsurance` (`tiers.lines` when lines used different rules). */
  readonly rule: string;
  /** One sentence a claims officer can read ("" when `explain: false`). */
  readonly text: string;
  /** For a pool: each funder's part, summing to `amount`. */
  readonly parts?: readonly { readonly id: string; readonly name: string; readonly amount: Money }[];
  /** The variant of the layer that applied to this patient, if any. */
  readonly variant?: string;
  /** The out-of-pocket maximum that stopped the patient's cost-sharing, if one did. */
  readonly outOfPocketReached?: "individual" | "family";
}

/**
 * One layer's part of one line of an itemised claim.
 *
 * @category Coverage Layers
 */
export interface LineLayerPayment {
  readonly id: string;
  readonly amount: Money;
  readonly eligible: Money;
  readonly firstSelfPay: Money;
  readonly deductibleApplied: Money;
  readonly rate: string;
  readonly rule: string;
  readonly limitedBy: LayerLimitedBy;
  readonly text: string;
}

/**
 * How one line of an itemised claim was split: per layer, then the patient; the parts sum to the line.
 *
 * @category Coverage Layers
 */
export interface LineSplit {
  readonly id: string;
  readonly category: string;
  readonly catalogueClass: "A" | "B" | "C" | null;
  readonly amount: Money;
  readonly layers: readonly LineLayerPayment[];
  readonly patient: Money;
}

/**
 * Result of {@link splitBill}.
 *
 * @category Coverage Layers
 */
export interface SplitBillResult {
  readonly currency: string;
  readonly bill: Money;
  readonly catalogueAmount: Money;
  readonly layers: readonly LayerPayment[];
  /** Sum of all layers. */
  readonly covered: Money;
  /** What the patient pays (自付): bill − covered. */
  readonly patient: Money;
  /** Per line, for an itemised claim. */
  readonly lines?: readonly LineSplit[];
  /** The accumulators after this claim; pass them to the next claim of the year. */
  readonly accumulators: AnnualAccumulators;
  /** The family's accumulators after this claim (claims that name a family); pass them to the family's next claim. */
  readonly familyAccumulators?: FamilyAccumulators;
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

/** The rule, rate and phrase of one outcome, from the same prepared layer the bulk path used. */
function describeOutcome(o: LayerOutcome, plan: CoveragePlan, facts: LayerClaimFacts): LayerRuleDescription {
  if (o.excluded !== null) {
    return { rate: "0", rule: "tiers.category.excluded", how: "0%", inputs: { category: o.line!.category, reason: o.excluded } };
  }
  if (o.terms !== null && o.terms.rate !== null) {
    const d = describeStratified(o.terms.rate, "tiers.category.rate", facts);
    return { ...d, how: `${d.how} (the rate for ${o.terms.category})`, inputs: { ...d.inputs, category: o.terms.category } };
  }
  return layerKindOf(o.layer).describe(o.layer, o.afterDeductible, o.raw, o.before, plan, facts);
}

/** The sentence of one outcome. */
function sentence(o: LayerOutcome, d: LayerRuleDescription, plan: CoveragePlan, facts: LayerClaimFacts, fmt: (u: bigint) => string): string {
  const layer = o.layer;
  const lim = layer.limits;
  const parts: string[] = [];
  const variant = o.variant === null ? "" : `, variant ${o.variant.id} (${describeVariant(o.variant, facts.patient)}),`;
  const whole = o.line === null ? "the whole bill" : "the whole line";
  parts.push(`${layer.name} [${layer.id}]${variant} looks at ${layer.basis === "total" ? whole : "what remains"}, ${fmt(o.base)}`);
  if (o.excluded !== null) {
    return `${parts.join("; ")}; it ${o.excluded === "notListed" ? "lists no terms for" : "does not cover"} ${o.line!.category} items and pays ${fmt(0n)}.`;
  }
  const covered = o.eligible + o.firstSelfPay;
  if (covered !== o.base) parts.push(`of which ${fmt(covered)} is ${layer.covers === "catalogue" ? "on the catalogue" : "off the catalogue"} and covered`);
  if (o.firstSelfPay > 0n) {
    const share = o.terms!.firstSelfPay.get(o.line!.catalogueClass!)!;
    parts.push(`${fmt(o.firstSelfPay)} (${pct(share.rate)} first self-pay on class ${o.line!.catalogueClass} ${o.terms!.category}) stays with the patient`);
  }
  const word = layerKindOf(layer).deductibleWord;
  const familyDeductible = o.familyBefore !== null && lim !== null && lim.familyDeductible !== null ? lim.familyDeductible : null;
  if (layer.deductible > 0n || familyDeductible !== null) {
    const own = `the annual ${word} of ${fmt(layer.deductible)} (${fmt(o.before.met)} met before, ${fmt(maxOf(layer.deductible - o.before.met - o.deductibleApplied))} left after)`;
    if (familyDeductible === null) parts.push(`${fmt(o.deductibleApplied)} goes to ${own}`);
    else {
      const fam = `the family ${word} of ${fmt(familyDeductible)} (${fmt(o.familyBefore!.met)} met before, ${fmt(familyDeductible - o.familyBefore!.met - o.deductibleApplied)} left after)`;
      const which = lim!.familyDesign === "aggregate" ? `${fam}; in the aggregate design only the family's counts` : o.deductibleBy === "family" ? `${fam}, which binds before ${own}` : `${own} and ${fam}`;
      parts.push(`${fmt(o.deductibleApplied)} goes to ${which}`);
    }
  }
  let text = `${parts.join("; ")}. It pays ${d.how} of ${fmt(o.afterDeductible)} = ${fmt(o.raw)}`;
  if (o.oopReached !== null) {
    const max = o.oopReached === "family" ? lim!.oopFamily! : lim!.oopIndividual!;
    const before = o.oopReached === "family" ? o.familyBefore!.oop : (o.before.oop ?? 0n);
    text += `, raised to ${fmt(o.afterOutOfPocket)}: the patient's cost-sharing reached the ${o.oopReached} out-of-pocket maximum of ${fmt(max)} (${fmt(before)} before this claim)`;
  }
  if (o.limitedBy === "subLimit") {
    text += `, limited to ${fmt(o.pay)} by what is left of its ${o.terms!.category} sub-limit of ${fmt(o.terms!.subLimit!)} (${fmt(o.before.sub?.get(o.terms!.category) ?? 0n)} used before)`;
  } else if (o.limitedBy === "cap") text += `, limited to ${fmt(o.pay)} by what is left of its annual cap of ${fmt(layer.cap!)} (${fmt(o.before.paid)} used before)`;
  else if (o.limitedBy === "lifetimeCap") text += `, limited to ${fmt(o.pay)} by what is left of its lifetime cap of ${fmt(lim!.lifetimeCap!)} (${fmt(o.before.lifetime ?? 0n)} used before)`;
  else if (o.limitedBy === "remaining") text += `, limited to ${fmt(o.pay)}: only that much of the ${o.line === null ? "bill" : "line"} is still unpaid`;
  return `${text}.`;
}

function maxOf(u: bigint): bigint {
  return u > 0n ? u : 0n;
}

/** The explanation inputs of one outcome. */
function outcomeInputs(o: LayerOutcome, d: LayerRuleDescription, m: (u: bigint) => Money, patient: LayerClaimFacts["patient"]): Record<string, ExplainValue> {
  const layer = o.layer;
  const lim = layer.limits;
  const inputs: Record<string, ExplainValue> = {
    basis: layer.basis,
    base: m(o.base),
    eligible: m(o.eligible),
    deductible: m(layer.deductible),
    deductibleMetBefore: m(o.before.met),
    deductibleApplied: m(o.deductibleApplied),
    ...d.inputs,
    beforeLimits: m(o.raw),
    cap: layer.cap === null ? null : m(layer.cap),
    capUsedBefore: m(o.before.paid),
    limitedBy: o.limitedBy,
  };
  if (o.variant !== null) Object.assign(inputs, { variant: o.variant.id, variantRule: describeVariantRule(o.variant.when, patient), variantChanges: [...o.variant.changes] });
  if (o.line !== null) inputs.line = o.line.id;
  if (o.firstSelfPay > 0n) inputs.firstSelfPay = m(o.firstSelfPay);
  if (lim !== null) {
    if (lim.lifetimeCap !== null) Object.assign(inputs, { lifetimeCap: m(lim.lifetimeCap), lifetimeUsedBefore: m(o.before.lifetime ?? 0n) });
    if (lim.oopIndividual !== null) Object.assign(inputs, { outOfPocketMaxIndividual: m(lim.oopIndividual), outOfPocketBefore: m(o.before.oop ?? 0n) });
    if (o.familyBefore !== null) {
      if (lim.familyDeductible !== null) Object.assign(inputs, { familyDeductible: m(lim.familyDeductible), familyDeductibleMetBefore: m(o.familyBefore.met) });
      if (lim.oopFamily !== null) Object.assign(inputs, { outOfPocketMaxFamily: m(lim.oopFamily), familyOutOfPocketBefore: m(o.familyBefore.oop) });
    }
    if (o.oopReached !== null) Object.assign(inputs, { outOfPocketReached: o.oopReached, afterOutOfPocket: m(o.afterOutOfPocket) });
  }
  if (o.terms !== null && o.terms.subLimit !== null) Object.assign(inputs, { subLimit: m(o.terms.subLimit), subLimitUsedBefore: m(o.before.sub?.get(o.terms.category) ?? 0n) });
  return inputs;
}

/**
 * Splits a bill across the plan's coverage layers, in order, and returns what each
 * layer pays, what the patient pays and the accumulators after the claim.
 *
 * Each layer takes its base (what remains, or the whole bill for `basis: "total"`),
 * keeps the part it covers (catalogue items for basic insurance by default), absorbs
 * what is left of its annual deductible, applies its rate (or bands, or programme),
 * rounds once, stops the patient's cost-sharing at its out-of-pocket maximum, then is
 * limited by its category sub-limit, annual cap, lifetime cap and what is still unpaid.
 * An itemised claim (`lines`) runs the same steps line by line. Layers + patient =
 * bill, to the minor unit, and so on every line.
 *
 * @param input - The plan, the bill (or its lines), the patient, the year, person, family and accumulators.
 * @throws {ValidationError} when the input does not match `splitBillInputSchema`, or a layer needs a fact the claim lacks (missing_lines, missing_units, missing_cycle, missing_attribute), with the field path.
 * @throws {DomainError} INCONSISTENT_INPUT when the lines do not add up to the bill, the catalogue part exceeds it, or the accumulators are another person's, family's or year's; CURRENCY_MISMATCH for a bill in another currency; UNKNOWN_KEY for a line category no layer defines.
 * @example
 * ```ts
 * const r = splitBill({
 *   plan: { currency: "CNY", layers: [{ kind: "basic", id: "basic", deductible: "750", rate: 0.75 }] },
 *   bill: "100000",
 * });
 * r.layers[0].amount; // CNY 74437.50
 * r.patient;          // CNY 25562.50
 * ```
 * @category Coverage Layers
 */
export function splitBill(input: SplitBillInput | (Omit<SplitBillInput, "plan"> & { plan: CoveragePlan })): SplitBillResult {
  const claim = parseInput(splitBillInputSchema, input, "splitBill");
  const plan = isCoveragePlan(claim.plan) ? claim.plan : withPath(["plan"], () => parseLayers(claim.plan));
  const explain = claim.explain ?? true;
  const { scale, currency } = plan;

  let lines: UnitLine[] | null = null;
  let sum = 0n;
  if (claim.lines !== undefined) {
    if (claim.catalogueAmount !== undefined) throw invalid(["catalogueAmount"], "an itemised claim takes its catalogue part from the lines' classes: give lines or a catalogue amount, not both", "conflict");
    lines = claim.lines.map((l, i) => {
      const amount = toUnits(l.amount, scale, ["lines", i, "amount"], "the line's amount");
      sum += amount;
      return { id: l.id ?? `line-${i + 1}`, category: l.category, catalogueClass: l.catalogueClass ?? null, amount };
    });
    checkLineCategories(plan, lines, ["lines"]);
  } else if (claim.bill === undefined) throw invalid(["bill"], "a claim states its bill (or its lines)", "invalid_type");
  let bill = sum;
  if (claim.bill !== undefined) {
    let billAmount: Dec;
    if (isMoney(claim.bill)) {
      if (claim.bill.currency !== currency) {
        throw new DomainError("CURRENCY_MISMATCH", `the bill is in ${claim.bill.currency} but the plan settles in ${currency}`, { path: ["bill", "currency"] });
      }
      billAmount = claim.bill.amount;
    } else billAmount = claim.bill;
    bill = toUnits(billAmount, scale, ["bill"], "the bill");
    if (lines !== null && bill !== sum) {
      throw new DomainError("INCONSISTENT_INPUT", `the bill ${unitsText(bill, scale)} is not the sum of its lines ${unitsText(sum, scale)}`, { path: ["bill"], details: { bill: unitsText(bill, scale), lines: unitsText(sum, scale) } });
    }
  }
  const catalogue =
    lines !== null ? lines.reduce((s, l) => (l.catalogueClass === "C" ? s : s + l.amount), 0n) : claim.catalogueAmount === undefined ? bill : toUnits(claim.catalogueAmount, scale, ["catalogueAmount"], "the catalogue amount");
  if (catalogue > bill) {
    throw new DomainError("INCONSISTENT_INPUT", `the catalogue-eligible amount ${unitsText(catalogue, scale)} exceeds the bill ${unitsText(bill, scale)}`, { path: ["catalogueAmount"] });
  }
  const owner = { year: claim.year, person: claim.person, family: claim.family };
  const state = readAccumulators(plan, claim.accumulators, claim.year, owner);
  const family = readFamilyAccumulators(plan, claim.familyAccumulators, owner);
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
    const billText =
      lines !== null
        ? `The bill is ${fmt(bill)} in ${lines.length} line(s) (${lines.map((l) => `${l.id}: ${l.category}${l.catalogueClass === null ? "" : ` class ${l.catalogueClass}`} ${fmt(l.amount)}`).join("; ")}), settled one after the other`
        : `The bill is ${fmt(bill)}${catalogue === bill ? ", all of it on the insurance catalogue" : `, of which ${fmt(catalogue)} is on the insurance catalogue`}`;
    steps.push(step("tiers.bill", `${billText}; ${plan.layers.length} layer(s) apply in order.`, { bill: m(bill), catalogueAmount: m(catalogue), layers: plan.layers.map((l) => l.id) }, m(bill)));
  }

  const { pieces, covered } = settleLines(plan, bill, catalogue, lines, facts, state, family);
  const lineSplits: LineSplit[] = [];
  // Per layer over the pieces: the outcomes and their descriptions.
  const perLayer = plan.layers.map(() => [] as { o: LayerOutcome; d: LayerRuleDescription; text: string }[]);
  const poolParts: (readonly LayerPart[] | undefined)[] = plan.layers.map(() => undefined);
  for (const piece of pieces) {
    if (explain && piece.line !== null) {
      const l = piece.line;
      steps.push(step("tiers.line", `Line ${l.id}: ${l.category}${l.catalogueClass === null ? "" : `, catalogue class ${l.catalogueClass}`}, ${fmt(l.amount)}.`, { line: l.id, category: l.category, catalogueClass: l.catalogueClass, amount: m(l.amount) }, m(l.amount)));
    }
    const lineLayers: LineLayerPayment[] = [];
    piece.outcomes.forEach((o, i) => {
      const d = describeOutcome(o, plan, facts);
      const text = explain ? sentence(o, d, plan, facts, fmt) : "";
      perLayer[i]!.push({ o, d, text });
      if (piece.line === null) poolParts[i] = layerKindOf(o.layer).parts?.(o.layer as never, m(o.pay));
      if (explain) {
        const inputs = outcomeInputs(o, d, m, facts.patient);
        const parts = piece.line === null ? poolParts[i] : undefined;
        if (parts !== undefined) inputs.parts = parts.map((p) => ({ funder: p.id, amount: p.amount }));
        steps.push(step(d.rule, text, inputs, m(o.pay)));
      }
      if (piece.line !== null) {
        lineLayers.push({ id: o.layer.id, amount: m(o.pay), eligible: m(o.eligible), firstSelfPay: m(o.firstSelfPay), deductibleApplied: m(o.deductibleApplied), rate: d.rate, rule: d.rule, limitedBy: o.limitedBy, text });
      }
    });
    if (piece.line !== null) {
      const l = piece.line;
      lineSplits.push({ id: l.id, category: l.category, catalogueClass: l.catalogueClass, amount: m(l.amount), layers: lineLayers, patient: m(piece.bill - piece.covered) });
    }
  }
  const payments: LayerPayment[] = plan.layers.map((own, i) => {
    const items = perLayer[i]!;
    const first = items[0]!;
    const kind = layerKindOf(own);
    let pay = 0n;
    let base = 0n;
    let eligible = 0n;
    let ded = 0n;
    let afterDed = 0n;
    for (const { o } of items) {
      pay += o.pay;
      base += o.base;
      eligible += o.eligible;
      ded += o.deductibleApplied;
      afterDed += o.afterDeductible;
    }
    const amount = m(pay);
    const sameRule = items.every((x) => x.d.rule === first.d.rule && x.d.rate === first.d.rate);
    const rate = sameRule ? first.d.rate : afterDed === 0n ? "0" : new D(pay.toString()).dividedBy(afterDed.toString()).toDecimalPlaces(6).toString();
    const limitedBy = items.find((x) => x.o.limitedBy !== null)?.o.limitedBy ?? null;
    const reached = items.find((x) => x.o.oopReached !== null)?.o.oopReached ?? null;
    const parts = lines === null ? poolParts[i] : kind.parts?.(first.o.layer as never, amount);
    const text = !explain
      ? ""
      : lines === null
        ? first.text
        : `${own.name} [${own.id}] pays ${fmt(pay)} over ${items.length} line(s): ${items.map((x) => `${x.o.line!.id} ${fmt(x.o.pay)}`).join(", ")}.`;
    return {
      id: own.id,
      kind: own.kind,
      name: own.name,
      basis: own.basis,
      base: m(base),
      eligible: m(eligible),
      deductibleApplied: m(ded),
      rate,
      amount,
      limitedBy,
      rule: sameRule ? first.d.rule : "tiers.lines",
      text,
      ...(parts === undefined ? {} : { parts }),
      ...(first.o.variant === null ? {} : { variant: first.o.variant.id }),
      ...(reached === null ? {} : { outOfPocketReached: reached }),
    };
  });
  if (explain && lines !== null) {
    for (const p of payments) steps.push(step("tiers.layer-total", p.text, { layer: p.id, lines: lineSplits.map((l) => l.id) }, p.amount));
  }
  const patient = m(bill - covered);
  if (explain) {
    steps.push(step("tiers.patient", `The patient pays what no layer covered: ${fmt(bill)} − ${fmt(covered)} = ${fmt(bill - covered)}.`, { bill: m(bill), covered: m(covered) }, patient));
  }
  const year = claim.year ?? claim.accumulators?.year ?? null;
  return {
    currency,
    bill: m(bill),
    catalogueAmount: m(catalogue),
    layers: payments,
    covered: m(covered),
    patient,
    ...(lines === null ? {} : { lines: lineSplits }),
    accumulators: writeAccumulators(plan, state, year, owner),
    ...(family === null ? {} : { familyAccumulators: writeFamilyAccumulators(plan, family, claim.year!, claim.family!) }),
    explanation: steps,
  };
}
