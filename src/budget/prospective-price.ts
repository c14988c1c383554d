// Prospective prices (IPPS-style): a DRG price as operating + capital parts, the labour
// share adjusted by the wage index, IME/DSH add-ons, a new-technology add-on and a cost
// outlier over a fixed-loss threshold stated in money.
import * as z from "zod";
import { currencyCodeSchema, decimal, DomainError, nonNegativeAmountSchema, parseInput, rateSchema, roundingSchema, step, type Step } from "../core/index.js";
import { formatMoney, money, round, type Dec, type Money, type Rounding } from "../money/index.js";
import { D } from "../money/decimal.js";
import { pct, text } from "./common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const positiveDecimal = lazySchema(() => decimal({ above: "0" }));
const nonNegativeDecimal = lazySchema(() => decimal({ min: "0" }));

/**
 * A hospital's prospective-payment parameters (one document per hospital and year).
 * `operating.laborShare` of the standardized amount is adjusted by the wage index; capital
 * is the federal rate × the geographic adjustment factor. `imeRate` / `dshRate` are the
 * hospital's add-on factors on the operating part (absent: no add-on). `ntap.rate` is the
 * share of the cost above the DRG payment, and the cap on the technology's cost (0.65).
 * `outlier.fixedLossThreshold` is money; `wageAdjusted` applies the operating labour
 * share × wage index to it.
 *
 * @category Prospective Prices
 */
export const ippsHospitalSchema = lazySchema(() => z.strictObject({
  /** ISO 4217 code of every amount (stated, never defaulted). */
  currency: currencyCodeSchema,
  /** The operating part of the payment rate. */
  operating: z.strictObject({
    /** The operating standardized amount per unit of DRG weight, ≥ 0. */
    standardizedAmount: nonNegativeAmountSchema,
    /** The labour-related share of it, in [0, 1], adjusted by the wage index. */
    laborShare: rateSchema,
    /** The hospital's wage index, > 0 (1 = national average). */
    wageIndex: positiveDecimal,
  }),
  /** The capital part of the payment rate. */
  capital: z.strictObject({
    /** The capital federal rate per unit of DRG weight, ≥ 0. */
    federalRate: nonNegativeAmountSchema,
    /** The geographic adjustment factor, > 0. */
    geographicAdjustmentFactor: positiveDecimal,
  }),
  /** Indirect medical education add-on factor on the operating part, ≥ 0; no add-on when absent. */
  imeRate: nonNegativeDecimal.optional(),
  /** Disproportionate share add-on factor on the operating part, ≥ 0; no add-on when absent. */
  dshRate: nonNegativeDecimal.optional(),
  /** The hospital's cost-to-charge ratio, > 0: cost = charges × ratio. */
  costToChargeRatio: positiveDecimal,
  /** The new-technology add-on policy; needed when a case uses a new technology. */
  ntap: z
    .strictObject({
      /** The add-on's share in [0, 1] of the cost above the DRG payment, and its cap as a share of the technology's cost (0.65). */
      rate: rateSchema,
    })
    .optional(),
  /** The cost-outlier policy; no outlier payments when absent. */
  outlier: z
    .strictObject({
      /** The fixed-loss threshold above the DRG payment and add-on, an amount ≥ 0. */
      fixedLossThreshold: nonNegativeAmountSchema,
      /** Share in [0, 1] of the cost above the threshold that is paid (0.8). */
      marginalCostFactor: rateSchema,
      /** Whether the threshold is adjusted by the operating labour share × wage index. */
      wageAdjusted: z.boolean(),
    })
    .optional(),
  /** How each part is rounded; half-up by default. */
  rounding: roundingSchema.default("half-up"),
}));

/**
 * A hospital's prospective-payment parameters as stored (JSON).
 *
 * @category Prospective Prices
 */
export type IppsHospital = z.input<typeof ippsHospitalSchema>;

/**
 * One inpatient case: its DRG weight, covered charges, and a new technology used, if any.
 *
 * @category Prospective Prices
 */
export const ippsCaseSchema = lazySchema(() => z.strictObject({
  /** The case's id. */
  id: z.string().min(1),
  /** The case's DRG code, for the reader. */
  drg: z.string().min(1).optional(),
  /** The DRG's relative weight, > 0. */
  drgWeight: positiveDecimal,
  /** The case's covered charges, ≥ 0. */
  charges: nonNegativeAmountSchema,
  /** A new technology used in the case (needs the hospital's `ntap`). */
  newTechnology: z
    .strictObject({
      /** The technology's name ("CAR-T"). */
      name: z.string().min(1),
      /** Its cost, ≥ 0. */
      cost: nonNegativeAmountSchema,
    })
    .optional(),
}));

/**
 * Input of {@link ippsPayment}: one hospital, one case.
 *
 * @category Prospective Prices
 */
export const ippsPaymentInputSchema = lazySchema(() => z.strictObject({
  /** The hospital's parameters. */
  hospital: ippsHospitalSchema,
  /** The case to price. */
  case: ippsCaseSchema,
}));

/**
 * Input of {@link ippsPayments}: one hospital, many cases.
 *
 * @category Prospective Prices
 */
export const ippsPaymentsInputSchema = lazySchema(() => z.strictObject({
  /** The hospital's parameters. */
  hospital: ippsHospitalSchema,
  /** The cases to price, at least one. */
  cases: z.array(ippsCaseSchema).min(1),
}));

/**
 * A case's prospective payment, part by part.
 *
 * @category Prospective Prices
 */
export interface IppsPayment {
  readonly caseId: string;
  /** Standardized amount × (labour share × wage index + non-labour share) × DRG weight. */
  readonly operating: Money;
  /** Capital federal rate × geographic adjustment factor × DRG weight. */
  readonly capital: Money;
  readonly ime: Money;
  readonly dsh: Money;
  /** Operating + capital + IME + DSH. */
  readonly drgPayment: Money;
  /** Charges × cost-to-charge ratio. */
  readonly cost: Money;
  readonly newTechnologyAddOn: Money;
  /** DRG payment + add-on + fixed-loss threshold, or null without an outlier policy. */
  readonly outlierThreshold: Money | null;
  readonly outlier: Money;
  /** DRG payment + new-technology add-on + outlier. */
  readonly total: Money;
  readonly explanation: readonly Step[];
}

/**
 * Many cases' payments and their total.
 *
 * @category Prospective Prices
 */
export interface IppsPayments {
  readonly currency: string;
  readonly cases: readonly Omit<IppsPayment, "explanation">[];
  readonly total: Money;
  readonly outlierCases: number;
  readonly explanation: readonly Step[];
}

type Hospital = z.output<typeof ippsHospitalSchema>;
type Case = z.output<typeof ippsCaseSchema>;

function computeCase(h: Hospital, k: Case, explain: boolean): IppsPayment {
  const c = h.currency;
  const r: Rounding = h.rounding;
  const steps: Step[] = [];
  const say = (rule: string, sentence: () => string, inputs: () => Record<string, Dec | Money | string | null>, amount?: Money) => {
    // the bulk path skips the sentences entirely: building them costs more than the arithmetic
    if (explain) steps.push(step(`budget.ipps.${rule}`, sentence(), inputs(), amount));
  };
  const rounded = (d: Dec): Money => round(money(d, c), r);
  const o = h.operating;
  const wageFactor = o.laborShare.times(o.wageIndex).plus(new D(1).minus(o.laborShare));
  const operating = rounded(o.standardizedAmount.times(wageFactor).times(k.drgWeight));
  say("operating", () => `Operating: ${formatMoney(money(o.standardizedAmount, c))} × (labour share ${pct(o.laborShare)} × wage index ${text(o.wageIndex)} + ${pct(new D(1).minus(o.laborShare))}) × DRG weight ${text(k.drgWeight)}.`, () => ({ wageAdjustment: wageFactor, drgWeight: k.drgWeight }), operating);
  const capital = rounded(h.capital.federalRate.times(h.capital.geographicAdjustmentFactor).times(k.drgWeight));
  say("capital", () => `Capital: ${formatMoney(money(h.capital.federalRate, c))} × geographic adjustment factor ${text(h.capital.geographicAdjustmentFactor)} × DRG weight ${text(k.drgWeight)}.`, () => ({}), capital);
  const ime = rounded(operating.amount.times(h.imeRate ?? 0));
  const dsh = rounded(operating.amount.times(h.dshRate ?? 0));
  say("ime", () => h.imeRate === undefined ? "No indirect medical education (IME) add-on." : `IME add-on: ${text(h.imeRate)} × the operating payment.`, () => ({}), ime);
  say("dsh", () => h.dshRate === undefined ? "No disproportionate share (DSH) add-on." : `DSH add-on: ${text(h.dshRate)} × the operating payment.`, () => ({}), dsh);
  const drgPayment = money(operating.amount.plus(capital.amount).plus(ime.amount).plus(dsh.amount), c);
  say("drg-payment", () => "The DRG payment: operating + capital + IME + DSH.", () => ({}), drgPayment);
  const cost = rounded(k.charges.times(h.costToChargeRatio));
  say("cost", () => `Cost: charges ${formatMoney(money(k.charges, c))} × cost-to-charge ratio ${text(h.costToChargeRatio)}.`, () => ({}), cost);
  let ntap = money(0, c);
  const tech = k.newTechnology;
  if (tech !== undefined) {
    if (h.ntap === undefined) throw new DomainError("INCONSISTENT_INPUT", `case ${k.id} uses new technology ${tech.name} but the hospital document has no ntap rate`, { path: ["hospital", "ntap"] });
    const ntapRate = h.ntap.rate;
    const above = D.max(cost.amount.minus(drgPayment.amount), 0);
    const byExcess = above.times(ntapRate);
    const byTech = tech.cost.times(ntapRate);
    ntap = rounded(D.min(byExcess, byTech));
    say(
      "ntap",
      () =>
        `New-technology add-on for ${tech.name}: the lesser of ${pct(ntapRate)} of the cost above the DRG payment (${formatMoney(rounded(byExcess))}) and ${pct(ntapRate)} of the technology's cost (${formatMoney(rounded(byTech))}).`,
      () => ({ technologyCost: money(tech.cost, c), costAboveDrgPayment: money(above, c) }),
      ntap,
    );
  }
  let threshold: Money | null = null;
  let outlier = money(0, c);
  const policy = h.outlier;
  if (policy !== undefined) {
    const flt = policy.wageAdjusted ? rounded(policy.fixedLossThreshold.times(wageFactor)) : money(policy.fixedLossThreshold, c);
    const limit = money(drgPayment.amount.plus(ntap.amount).plus(flt.amount), c);
    threshold = limit;
    const excess = cost.amount.minus(limit.amount);
    outlier = excess.greaterThan(0) ? rounded(excess.times(policy.marginalCostFactor)) : money(0, c);
    say(
      "outlier",
      () =>
        excess.greaterThan(0)
          ? `Cost outlier: cost ${formatMoney(cost)} exceeds the threshold ${formatMoney(limit)} (DRG payment + add-on + fixed-loss ${formatMoney(flt)}); ${pct(policy.marginalCostFactor)} of the excess is paid.`
          : `No cost outlier: cost ${formatMoney(cost)} does not exceed the threshold ${formatMoney(limit)} (DRG payment + add-on + fixed-loss ${formatMoney(flt)}).`,
      () => ({ fixedLossThreshold: flt, marginalCostFactor: policy.marginalCostFactor }),
      outlier,
    );
  }
  const total = money(drgPayment.amount.plus(ntap.amount).plus(outlier.amount), c);
  say("total", () => "The case payment: DRG payment + new-technology add-on + outlier.", () => ({}), total);
  return { caseId: k.id, operating, capital, ime, dsh, drgPayment, cost, newTechnologyAddOn: ntap, outlierThreshold: threshold, outlier, total, explanation: steps };
}

/**
 * The input of {@link ippsPayment} as stored (JSON): what {@link ippsPaymentInputSchema} parses.
 *
 * @category Prospective Prices
 */
export type IppsPaymentInput = z.input<typeof ippsPaymentInputSchema>;

/**
 * A prospective (IPPS-style) DRG payment for one inpatient case: operating part with the
 * labour share adjusted by the wage index, capital part, IME and DSH add-ons, a
 * new-technology add-on (the lesser of a share of the cost above the DRG payment and the
 * same share of the technology's cost), and a cost outlier: marginal cost factor × (cost −
 * (DRG payment + add-on + fixed-loss threshold)), cost = charges × cost-to-charge ratio.
 *
 * @category Prospective Prices
 * @param input - `hospital`, the hospital's parameters, and `case`, one inpatient case.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown (path named)
 * @throws {DomainError} INCONSISTENT_INPUT when the case uses a new technology and the hospital has no `ntap` rate (path `hospital.ntap`)
 *
 * @example
 * ```ts
 * ippsPayment({
 *   hospital: { currency: "USD", operating: { standardizedAmount: "6000", laborShare: 0.676, wageIndex: 1 },
 *     capital: { federalRate: "500", geographicAdjustmentFactor: 1 }, costToChargeRatio: 0.5 },
 *   case: { id: "c1", drgWeight: 2, charges: "20000" },
 * }).total; // USD 13000.00
 * ```
 */
export function ippsPayment(input: IppsPaymentInput): IppsPayment {
  const p = parseInput(ippsPaymentInputSchema, input, "ippsPayment");
  return computeCase(p.hospital, p.case, true);
}

/**
 * The input of {@link ippsPayments} as stored (JSON): what {@link ippsPaymentsInputSchema} parses.
 *
 * @category Prospective Prices
 */
export type IppsPaymentsInput = z.input<typeof ippsPaymentsInputSchema>;

/**
 * Prospective payments for many cases of one hospital (the bulk path; the same arithmetic
 * as {@link ippsPayment}, without per-case explanations) and their total.
 *
 * @category Prospective Prices
 * @param input - `hospital`, the hospital's parameters, and its `cases`.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown (path named)
 * @throws {DomainError} INCONSISTENT_INPUT when a case uses a new technology and the hospital has no `ntap` rate (path `hospital.ntap`)
 *
 * @example
 * ```ts
 * declare const hospital: Parameters<typeof ippsPayments>[0]["hospital"];
 * ippsPayments({ hospital, cases: [{ id: "c1", drgWeight: 2, charges: "20000" }] }).total;
 * ```
 */
export function ippsPayments(input: IppsPaymentsInput): IppsPayments {
  const p = parseInput(ippsPaymentsInputSchema, input, "ippsPayments");
  const c = p.hospital.currency;
  const cases = p.cases.map((k) => {
    const { explanation: _e, ...line } = computeCase(p.hospital, k, false);
    return line;
  });
  let total = new D(0);
  let outlierCases = 0;
  for (const l of cases) {
    total = total.plus(l.total.amount);
    if (l.outlier.amount.greaterThan(0)) outlierCases++;
  }
  const t = money(total, c);
  return {
    currency: c,
    cases,
    total: t,
    outlierCases,
    explanation: [step("budget.ipps.cases", `${cases.length} cases priced; ${outlierCases} with a cost outlier.`, { cases: cases.length, outlierCases }, t)],
  };
}
